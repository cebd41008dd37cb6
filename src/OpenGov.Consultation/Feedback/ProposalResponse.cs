using OpenGov.SharedKernel.Errors;

namespace OpenGov.Consultation.Feedback;

/// <summary>
/// The reasoned response to one published proposal: a state and a Markdown justification, drafted by moderators and then
/// published (after which the author is notified and it appears on the public feedback page). One per proposal.
/// </summary>
public sealed class ProposalResponse
{
    public const int MaxJustificationLength = 10000;

    private ProposalResponse() { }

    public ProposalResponse(Guid proposalId, Guid cycleId, ResponseState state, Guid? sheetId, string justificationMarkdown,
        string userId, DateTime now, Guid? templateId = null)
    {
        Id = Guid.NewGuid();
        ProposalId = proposalId;
        CycleId = cycleId;
        CreatedAt = now;
        Revise(state, sheetId, justificationMarkdown, userId, now, templateId);
    }

    public Guid Id { get; private set; }
    public Guid ProposalId { get; private set; }
    public Guid CycleId { get; private set; }
    public ResponseState State { get; private set; }
    public Guid? SheetId { get; private set; }
    public string JustificationMarkdown { get; private set; } = "";
    /// <summary>The answer template this draft came from, if any (for the report: how answers were written).</summary>
    public Guid? TemplateId { get; private set; }
    public bool IsPublished { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public DateTime? PublishedAt { get; private set; }
    public string? PublishedBy { get; private set; }

    /// <summary>Writes (or rewrites) the answer. A published answer stays published: the correction is public at once.</summary>
    public void Revise(ResponseState state, Guid? sheetId, string justificationMarkdown, string userId, DateTime now, Guid? templateId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (!Enum.IsDefined(state)) throw DomainException.Rule("UnknownResponseState");
        if (string.IsNullOrWhiteSpace(justificationMarkdown))
            throw DomainException.Rule("ReasonedResponseNeedsJustification");
        if (justificationMarkdown.Length > MaxJustificationLength)
            throw DomainException.Rule("JustificationTooLong");
        if (state == ResponseState.MergedIntoSheet && sheetId is null)
            throw DomainException.Rule("SayWhichCommitmentSheetIdeaWasMerged");
        State = state;
        SheetId = state == ResponseState.MergedIntoSheet ? sheetId : null;
        JustificationMarkdown = justificationMarkdown.Trim();
        TemplateId = templateId;
        UpdatedAt = now;
        UpdatedBy = userId;
    }

    /// <summary>Publishes the draft; returns false if it was already published (nothing to notify).</summary>
    public bool Publish(string userId, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (IsPublished) return false;
        IsPublished = true;
        PublishedAt = now;
        PublishedBy = userId;
        return true;
    }
}
