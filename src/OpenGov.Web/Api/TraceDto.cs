namespace OpenGov.Web.Api;

/// <summary>
/// The public trail around an idea, a sheet or a commitment: the ideas (with their published responses), the commitment
/// sheet that integrated them, the commitment adopted from it and its activities. Each step carries its page's path.
/// </summary>
public sealed record TraceDto(IReadOnlyList<TraceIdeaDto> Ideas, TraceSheetDto? Sheet, TraceCommitmentDto? Commitment,
    IReadOnlyList<TraceActivityDto> Activities);
