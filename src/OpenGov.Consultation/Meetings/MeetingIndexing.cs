using OpenGov.SharedKernel.Search;

namespace OpenGov.Consultation.Meetings;

internal static class MeetingIndexing
{
    /// <summary>Only published minutes are in the site search (drafts are secretaries-only); the body carries the agenda,
    /// the minutes as plain text and the decisions. Runs in the caller's unit of work.</summary>
    public static Task IndexAsync(ISearchIndex search, Meeting meeting, CancellationToken ct)
    {
        if (!meeting.IsPublished) return search.RemoveAsync(SearchKinds.Meeting, meeting.Id.ToString(), ct);
        var body = string.Join("\n", meeting.Agenda.Select(a => a.Text)
            .Append(OpenGov.SharedKernel.Text.UserText.MarkdownToPlainText(meeting.MinutesMarkdown))
            .Concat(meeting.Decisions.Select(d => d.Text))
            .Where(s => !string.IsNullOrWhiteSpace(s)));
        return search.UpsertAsync(SearchKinds.Meeting, meeting.Id.ToString(), meeting.Title, body, $"/meetings/{meeting.Id}", ct);
    }
}
