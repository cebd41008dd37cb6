using System.Text.Json;
using OpenGov.SharedKernel.Text;

namespace OpenGov.Consultation.OpenData;

// The consultation's open-data shapes (served as they are by /api/v1 and the /open-data dumps).
// Personal data: only public display names and association names; never e-mails nor user ids.

public sealed record AxisDto(Guid Id, string Code, string NameFr, string NameAr, string NameEn, LocalizedTextDto? Names = null);

public sealed record PhaseDto(string Kind, DateTime StartsAt, DateTime EndsAt);

public sealed record CycleDto(Guid Id, string Title, string DescriptionMarkdown, int PlanStartYear, int PlanEndYear,
    string? CurrentPhase, IReadOnlyList<AxisDto> Axes, IReadOnlyList<PhaseDto> Phases,
    LocalizedTextDto? Titles = null, LocalizedTextDto? Descriptions = null);

/// <summary>The published reasoned response to a proposal (null while there is none; drafts are never exposed).</summary>
public sealed record ProposalResponseDto(string Decision, string ReasonMarkdown, DateTime RespondedAt, Guid? SheetId);

public sealed record ProposalDto(Guid Id, Guid CycleId, string Title, string Problem, string Solution, Guid AxisId, string Region,
    string ExpectedImpact, string SubmitterType, string AuthorDisplayName, string? AssociationName, DateTime? PublishedAt,
    int SupportCount, int CommentCount, ProposalResponseDto? Response, Guid? WorkshopId = null, string? WorkshopTitle = null);

public sealed record EventDto(Guid Id, string Title, string DescriptionMarkdown, string Type, string Status, Guid? CycleId, Guid? AxisId,
    DateTime StartsAt, DateTime EndsAt, string TimeZone, string? OnlineUrl, string? Place, string Region, int Capacity, int ConfirmedCount,
    string OrganiserKind, string OrganiserName, string? ReportMarkdown, IReadOnlyList<string> MaterialLinks);

/// <summary>A public comment on a sheet: the commenter's display name (or the association it speaks for), and how it was handled.</summary>
public sealed record SheetCommentDto(Guid Id, string SectionKey, int OnVersion, string AuthorDisplayName, string? AssociationName, string Body,
    DateTime CreatedAt, string? Reply, DateTime? RepliedAt, string Handling, string? HandlingReason, int? HandledInVersion);

/// <summary>A published version: <see cref="Content"/> is the frozen snapshot as stored (French fields, translations under
/// "Ar"/"En" by text key); <see cref="Texts"/> gives every text of it as <c>{fr, ar, en}</c> by the same key ("title", "problem",
/// "activity:{id}", "indicator:{id}:name"...).</summary>
public sealed record SheetVersionDto(int Number, string? ChangeNote, DateTime PublishedAt, JsonElement Content,
    IReadOnlyDictionary<string, LocalizedTextDto>? Texts = null);

/// <summary>A published commitment sheet with its published versions (never the private draft) and its public comments;
/// <see cref="Titles"/> is the latest version's title in fr/ar/en.</summary>
public sealed record SheetDto(Guid Id, Guid CycleId, string Title, string LeadAgency, DateTime FirstPublishedAt, DateTime? ConsultationOpensAt,
    DateTime? ConsultationClosesAt, bool? Retained, IReadOnlyList<SheetVersionDto> Versions, IReadOnlyList<SheetCommentDto> Comments,
    LocalizedTextDto? Titles = null);

public sealed record DecisionDto(string Text, string? OwnerOrganisation, string? OwnerName, DateOnly? DueOn, string Status, string? ProgressNote);

/// <summary>A committee meeting whose minutes are published, with its decisions (draft minutes are never exposed).</summary>
public sealed record MeetingDto(Guid Id, string Committee, string Title, DateOnly HeldOn, string? Place, bool IsRemote, DateTime PublishedAt,
    string MinutesMarkdown, IReadOnlyList<DecisionDto> Decisions);

public sealed record NewsDto(Guid Id, string Slug, string Title, string BodyMarkdown, string Language, DateTime? PublishedAt,
    LocalizedTextDto? Titles = null, LocalizedTextDto? Bodies = null);
