using OpenGov.SharedKernel.Links;
using OpenGov.SharedKernel.Outbox;

namespace OpenGov.Consultation.Meetings;

/// <summary>
/// The mails to a decision's owner (see <see cref="Decision.OwnerRecipient"/>): "assigned" once the decision is in published
/// minutes (at once when added to published minutes, else when they are published), "overdue" once its due date has passed
/// (<see cref="DecisionOverdueJob"/>). Each has a DedupKey per decision (and due date), so a re-publication or a re-run never
/// mails twice.
/// </summary>
internal static class DecisionMails
{
    public const string AssignedCategory = "meeting.decision.assigned";
    public const string OverdueCategory = "meeting.decision.overdue";

    public static string AssignedKey(Guid decisionId) => $"{AssignedCategory}:{decisionId:N}";

    public static string OverdueKey(Guid decisionId, DateOnly dueOn) => $"{OverdueCategory}:{decisionId:N}:{dueOn:yyyy-MM-dd}";

    public static OutgoingMail? Assigned(Decision d, Meeting m, SiteLinks links)
        => d.OwnerRecipient()?.Mail(AssignedCategory, "CommunityText:Mail.DecisionAssigned", Values(d, m.Title, m.HeldOn, links), AssignedKey(d.Id));

    public static OutgoingMail? Overdue(Decision d, string meetingTitle, DateOnly heldOn, SiteLinks links)
        => d.DueOn is { } due ? d.OwnerRecipient()?.Mail(OverdueCategory, "CommunityText:Mail.DecisionOverdue", Values(d, meetingTitle, heldOn, links),
            OverdueKey(d.Id, due)) : null;

    private static Dictionary<string, string> Values(Decision d, string meetingTitle, DateOnly heldOn, SiteLinks links) => new()
    {
        ["decision"] = d.Text,
        ["meeting"] = meetingTitle,
        ["held"] = MailValue.Day(heldOn),
        ["due"] = d.DueOn is { } due ? MailValue.Day(due) : "—",
        ["url"] = links.To($"/meetings/{d.MeetingId}"),
        ["followUp"] = links.To("/meetings/decisions"),
    };
}
