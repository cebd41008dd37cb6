using OpenGov.SharedKernel.Text;
using OpenGov.SharedKernel.Errors;

namespace OpenGov.Consultation.Feedback;

/// <summary>A reusable answer ("Hors du champ du plan d'action : ..."), applied to one idea or to a filtered selection.</summary>
public sealed class AnswerTemplate
{
    private AnswerTemplate() { }

    public AnswerTemplate(Guid cycleId, string name, ResponseState state, string justificationMarkdown, string userId, DateTime now)
    {
        Id = Guid.NewGuid();
        CycleId = cycleId;
        CreatedAt = now;
        Update(name, state, justificationMarkdown, userId, now);
    }

    public Guid Id { get; private set; }
    public Guid CycleId { get; private set; }
    public string Name { get; private set; } = "";
    public ResponseState State { get; private set; }
    public string JustificationMarkdown { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    public void Update(string name, ResponseState state, string justificationMarkdown, string userId, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (name.Trim().Length > 150) throw DomainException.Rule("NameTooLong");
        if (!Enum.IsDefined(state)) throw DomainException.Rule("UnknownResponseState");
        // A template cannot name a sheet: merging is decided idea by idea.
        if (state == ResponseState.MergedIntoSheet) throw DomainException.Rule("TemplateCannotMergeIdeasIntoSheet");
        if (string.IsNullOrWhiteSpace(justificationMarkdown)) throw DomainException.Rule("TemplateNeedsJustification");
        if (justificationMarkdown.Length > ProposalResponse.MaxJustificationLength) throw DomainException.Rule("JustificationTooLong");
        Name = SingleLineText.Trim(name, "Name");
        State = state;
        JustificationMarkdown = justificationMarkdown.Trim();
        UpdatedAt = now;
        UpdatedBy = userId;
    }
}
