using OpenGov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Associations;
using OpenGov.Consultation.Committees;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Paging;
using OpenGov.SharedKernel.Search;

namespace OpenGov.Consultation.Meetings;

public sealed record MeetingRow(Guid Id, CommitteeKind Committee, string Title, DateOnly HeldOn, string? Place, bool IsRemote,
    MinutesStatus Status, int DecisionCount, int OpenDecisionCount);

public sealed record AttendeeRow(string? Name, string? Organisation, bool Present);

public sealed record DecisionRow(Guid Id, Guid MeetingId, string MeetingTitle, DateOnly MeetingHeldOn, string Text, string? OwnerOrganisation,
    string? OwnerName, string? OwnerUserId, DateOnly? DueOn, DecisionStatus Status, string? ProgressNote, bool IsOverdue);

public sealed record MeetingView(Guid Id, CommitteeKind Committee, string Title, DateOnly HeldOn, string? Place, bool IsRemote, string MinutesMarkdown,
    MinutesStatus Status, DateTime? PublishedAt, IReadOnlyList<string> Agenda, IReadOnlyList<AttendeeRow> Attendees, IReadOnlyList<DecisionRow> Decisions);

public sealed record MeetingInput(CommitteeKind Committee, string Title, DateOnly HeldOn, string? Place, bool IsRemote, string MinutesMarkdown,
    IReadOnlyList<string> Agenda, IReadOnlyList<(string? Name, string? Organisation)> Participants, IReadOnlyList<(string? Name, string? Organisation)> Absentees);

public sealed record DecisionInput(string Text, string? OwnerOrganisation, string? OwnerName, string? OwnerUserId, DateOnly? DueOn);

/// <summary>
/// Meetings and their records of conclusions. Committee secretaries (administrators; the pages check the policy) draft and publish;
/// the public sees published minutes only. Decisions are followed up across meetings.
/// </summary>
public sealed class MeetingService(DbContext db, TimeProvider clock, IAuditLog audit, ISearchIndex search)
{
    public const int PageSize = 20;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => DateOnly.FromDateTime(Now);

    public async Task<KeysetPage<MeetingRow>> ListAsync(bool includeDrafts, CommitteeKind? committee, string? cursor, CancellationToken ct = default)
    {
        var q = db.Set<Meeting>().Where(m => includeDrafts || m.Status == MinutesStatus.Published);
        if (committee is { } k) q = q.Where(m => m.Committee == k);
        if (KeysetCursor.TryDecodeKey(cursor, out string key, out Guid id) && DateOnly.TryParseExact(key, "yyyy-MM-dd", out var day))
            q = q.Where(m => m.HeldOn < day || (m.HeldOn == day && m.Id.CompareTo(id) < 0));
        var rows = await q.OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).Take(PageSize + 1)
            .Select(m => new MeetingRow(m.Id, m.Committee, m.Title, m.HeldOn, m.Place, m.IsRemote, m.Status, db.Set<Decision>().Count(d => d.MeetingId == m.Id),
                db.Set<Decision>().Count(d => d.MeetingId == m.Id && d.Status == DecisionStatus.Open))).ToListAsync(ct);
        var next = rows.Count > PageSize ? KeysetCursor.Encode(rows[PageSize - 1].HeldOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), rows[PageSize - 1].Id) : null;
        return new KeysetPage<MeetingRow>(rows.Take(PageSize).ToList(), next);
    }

    public async Task<MeetingView?> GetAsync(Guid id, bool includeDrafts, CancellationToken ct = default)
    {
        var m = await db.Set<Meeting>().AsNoTracking().Include(x => x.Agenda).Include(x => x.Attendees).Include(x => x.Decisions).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id && (includeDrafts || x.Status == MinutesStatus.Published), ct);
        if (m is null) return null;
        var today = Today;
        return new MeetingView(m.Id, m.Committee, m.Title, m.HeldOn, m.Place, m.IsRemote, m.MinutesMarkdown, m.Status, m.PublishedAt,
            m.Agenda.OrderBy(a => a.Order).Select(a => a.Text).ToList(),
            m.Attendees.OrderBy(a => a.Order).Select(a => new AttendeeRow(a.Name, a.Organisation, a.Present)).ToList(),
            m.Decisions.OrderBy(d => d.Order).Select(d => Row(d, m, today)).ToList());
    }

    private static DecisionRow Row(Decision d, Meeting m, DateOnly today) => new(d.Id, m.Id, m.Title, m.HeldOn, d.Text, d.OwnerOrganisation, d.OwnerName,
        d.OwnerUserId, d.DueOn, d.Status, d.ProgressNote, d.IsOverdue(today));

    /// <summary>Open decisions of published minutes, earliest due first (undated last); overdue ones are flagged for today.</summary>
    public async Task<IReadOnlyList<DecisionRow>> OpenDecisionsAsync(CancellationToken ct = default)
    {
        var today = Today;
        var rows = await db.Set<Decision>().Where(d => d.Status == DecisionStatus.Open)
            .Join(db.Set<Meeting>().Where(m => m.Status == MinutesStatus.Published), d => d.MeetingId, m => m.Id, (d, m) => new
            {
                d.Id, d.MeetingId, m.Title, m.HeldOn, d.Text, d.OwnerOrganisation, d.OwnerName, d.OwnerUserId, d.DueOn, d.Status, d.ProgressNote, d.Order,
            })
            .OrderBy(x => x.DueOn == null).ThenBy(x => x.DueOn).ThenBy(x => x.HeldOn).ThenBy(x => x.Order).Take(500).ToListAsync(ct);
        return rows.Select(x => new DecisionRow(x.Id, x.MeetingId, x.Title, x.HeldOn, x.Text, x.OwnerOrganisation, x.OwnerName, x.OwnerUserId,
            x.DueOn, x.Status, x.ProgressNote, x.DueOn is { } due && due < today)).ToList();
    }

    public async Task<Guid> CreateAsync(string adminId, MeetingInput input, CancellationToken ct = default)
    {
        var meeting = new Meeting(Guid.NewGuid(), input.Committee, input.Title, input.HeldOn, input.Place, input.IsRemote, Now);
        Apply(meeting, input);
        db.Add(meeting);
        audit.Record(adminId, "meeting.created", nameof(Meeting), meeting.Id.ToString());
        await db.SaveChangesAsync(ct);
        return meeting.Id;
    }

    public async Task UpdateAsync(string adminId, Guid id, MeetingInput input, CancellationToken ct = default)
    {
        var meeting = await LoadAsync(id, ct);
        meeting.Reschedule(input.Committee, input.Title, input.HeldOn, input.Place, input.IsRemote);
        Apply(meeting, input);
        audit.Record(adminId, "meeting.updated", nameof(Meeting), id.ToString());
        await MeetingIndexing.IndexAsync(search, meeting, ct);
        await db.SaveChangesAsync(ct);
    }

    private static void Apply(Meeting meeting, MeetingInput input)
    {
        meeting.WriteMinutes(input.MinutesMarkdown);
        meeting.SetAgenda(input.Agenda);
        meeting.SetAttendance(input.Participants, input.Absentees);
    }

    public async Task AddDecisionAsync(string adminId, Guid meetingId, DecisionInput input, CancellationToken ct = default)
    {
        var meeting = await LoadAsync(meetingId, ct);
        var d = meeting.AddDecision(input.Text, input.OwnerOrganisation, input.OwnerName, input.OwnerUserId, input.DueOn);
        db.Add(d);
        audit.Record(adminId, "meeting.decision-added", nameof(Decision), d.Id.ToString(), $"meeting={meetingId}");
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveDecisionAsync(string adminId, Guid meetingId, Guid decisionId, CancellationToken ct = default)
    {
        var meeting = await LoadAsync(meetingId, ct);
        meeting.RemoveDecision(decisionId);
        audit.Record(adminId, "meeting.decision-removed", nameof(Decision), decisionId.ToString(), $"meeting={meetingId}");
        await db.SaveChangesAsync(ct);
    }

    public async Task SetPublishedAsync(string adminId, Guid meetingId, bool publish, CancellationToken ct = default)
    {
        var meeting = await LoadAsync(meetingId, ct);
        if (publish) meeting.Publish(Now); else meeting.Unpublish();
        audit.Record(adminId, publish ? "meeting.published" : "meeting.unpublished", nameof(Meeting), meetingId.ToString());
        await MeetingIndexing.IndexAsync(search, meeting, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The owner (a person with an account) or a committee secretary records progress on a decision.</summary>
    public async Task RecordProgressAsync(string userId, bool isAdministrator, Guid decisionId, DecisionStatus status, string? note, CancellationToken ct = default)
    {
        var decision = await db.Set<Decision>().FirstOrDefaultAsync(d => d.Id == decisionId, ct) ?? throw DomainException.NotFound("UnknownDecision");
        if (!isAdministrator && !await db.Set<Meeting>().AnyAsync(m => m.Id == decision.MeetingId && m.Status == MinutesStatus.Published, ct))
            throw DomainException.NotFound("UnknownDecision");
        decision.RecordProgress(status, note, userId, isAdministrator, Now);
        audit.Record(userId, "meeting.decision-progress", nameof(Decision), decisionId.ToString(), $"{status}: {note}");
        await db.SaveChangesAsync(ct);
    }

    private async Task<Meeting> LoadAsync(Guid id, CancellationToken ct)
        => await db.Set<Meeting>().Include(m => m.Agenda).Include(m => m.Attendees).Include(m => m.Decisions).AsSplitQuery()
               .FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw DomainException.NotFound("UnknownMeeting");
}
