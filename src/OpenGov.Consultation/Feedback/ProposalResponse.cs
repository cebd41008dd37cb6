using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenGov.Consultation.Feedback;

/// <summary>What happened to an idea, as OGP's co-creation standard asks governments to say.</summary>
public enum ResponseState
{
    Retained = 0,
    /// <summary>Merged into a draft commitment sheet (<see cref="ProposalResponse.SheetId"/>).</summary>
    MergedIntoSheet = 1,
    PartlyRetained = 2,
    NotRetained = 3,
    OutOfScope = 4,
}

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
        if (!Enum.IsDefined(state)) throw new ArgumentException("Unknown response state.", nameof(state));
        if (string.IsNullOrWhiteSpace(justificationMarkdown))
            throw new ArgumentException("A reasoned response needs a justification.", nameof(justificationMarkdown));
        if (justificationMarkdown.Length > MaxJustificationLength)
            throw new ArgumentException("The justification is too long.", nameof(justificationMarkdown));
        if (state == ResponseState.MergedIntoSheet && sheetId is null)
            throw new ArgumentException("Say which commitment sheet the idea was merged into.", nameof(sheetId));
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

public sealed class ProposalResponseConfiguration : IEntityTypeConfiguration<ProposalResponse>
{
    public void Configure(EntityTypeBuilder<ProposalResponse> b)
    {
        b.ToTable("ProposalResponses");
        b.HasKey(x => x.Id);
        b.Property(x => x.JustificationMarkdown).HasMaxLength(ProposalResponse.MaxJustificationLength).IsRequired();
        b.Property(x => x.UpdatedBy).HasMaxLength(450).IsRequired();
        b.Property(x => x.PublishedBy).HasMaxLength(450);
        b.HasIndex(x => x.ProposalId).IsUnique();
        b.HasIndex(x => new { x.CycleId, x.IsPublished });
    }
}

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
        if (name.Trim().Length > 150) throw new ArgumentException("The name is too long.", nameof(name));
        if (!Enum.IsDefined(state)) throw new ArgumentException("Unknown response state.", nameof(state));
        // A template cannot name a sheet: merging is decided idea by idea.
        if (state == ResponseState.MergedIntoSheet) throw new ArgumentException("A template cannot merge ideas into a sheet.", nameof(state));
        if (string.IsNullOrWhiteSpace(justificationMarkdown)) throw new ArgumentException("A template needs a justification.", nameof(justificationMarkdown));
        if (justificationMarkdown.Length > ProposalResponse.MaxJustificationLength) throw new ArgumentException("The justification is too long.", nameof(justificationMarkdown));
        Name = name.Trim();
        State = state;
        JustificationMarkdown = justificationMarkdown.Trim();
        UpdatedAt = now;
        UpdatedBy = userId;
    }
}

public sealed class AnswerTemplateConfiguration : IEntityTypeConfiguration<AnswerTemplate>
{
    public void Configure(EntityTypeBuilder<AnswerTemplate> b)
    {
        b.ToTable("AnswerTemplates");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(150).IsRequired();
        b.Property(x => x.JustificationMarkdown).HasMaxLength(ProposalResponse.MaxJustificationLength).IsRequired();
        b.Property(x => x.UpdatedBy).HasMaxLength(450).IsRequired();
        b.HasIndex(x => new { x.CycleId, x.Name }).IsUnique();
    }
}
