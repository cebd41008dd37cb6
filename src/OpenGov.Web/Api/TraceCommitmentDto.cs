namespace OpenGov.Web.Api;

/// <summary>The commitment of a published plan adopted from the sheet.</summary>
public sealed record TraceCommitmentDto(Guid Id, Guid PlanId, string PlanTitle, int Number, string Title, string Url);
