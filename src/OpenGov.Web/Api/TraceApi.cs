using OpenGov.Consultation.Feedback;
using OpenGov.Consultation.OpenData;
using OpenGov.SharedKernel.Text;
using OpenGov.Tracking.Plans;
using OpenGov.Web.Infrastructure.Traceability;

namespace OpenGov.Web.Api;

/// <summary>
/// The traceability chain in the open-data API, from any step: an idea, a sheet or a commitment. Composed from
/// <see cref="TraceChain"/> (the same reads as the pages), published content only.
/// </summary>
public sealed class TraceApi(TraceChain chain, ResponseTrace consultation, PlanQueries plans)
{
    public async Task<TraceDto?> FromIdeaAsync(Guid proposalId, CancellationToken ct)
    {
        var trail = await chain.IdeaAsync(proposalId, ct);
        if (trail.Response is not { } response) return null;
        var title = await consultation.PublicTitleAsync(proposalId, ct);
        if (title is null) return null;
        var idea = new TraceIdeaDto(proposalId, title, $"/proposals/{proposalId}", response.State.ToString(), response.PublishedAt);
        return await ComposeAsync([idea], response.Sheet, trail.Commitment, ct);
    }

    public async Task<TraceDto?> FromSheetAsync(Guid sheetId, CancellationToken ct)
    {
        var sheet = await consultation.SheetAsync(sheetId, ct);
        if (sheet is null) return null;
        var trail = await chain.SheetAsync(sheetId, ct);
        return await ComposeAsync(Ideas(trail.Ideas), sheet, trail.Commitment, ct);
    }

    public async Task<TraceDto?> FromCommitmentAsync(Guid commitmentId, CancellationToken ct)
    {
        var commitment = await plans.CommitmentRefAsync(commitmentId, includeDrafts: false, ct);
        if (commitment is null) return null;
        var trail = await chain.CommitmentAsync(commitment.SourceSheetId, ct);
        return await ComposeAsync(Ideas(trail.Ideas), trail.Sheet, commitment, ct);
    }

    /// <summary>Ideas reached from a sheet were all answered "integrated into this sheet".</summary>
    private static IReadOnlyList<TraceIdeaDto> Ideas(IReadOnlyList<TracedIdea> ideas) => ideas
        .Select(i => new TraceIdeaDto(i.Id, i.Title, $"/proposals/{i.Id}", nameof(ResponseState.MergedIntoSheet), i.AnsweredAt)).ToList();

    private async Task<TraceDto> ComposeAsync(IReadOnlyList<TraceIdeaDto> ideas, TracedSheet? sheet, CommitmentRef? commitment, CancellationToken ct)
    {
        IReadOnlyList<TraceActivityDto> activities = [];
        if (commitment is not null && await plans.CommitmentAsync(commitment.Id, includeDrafts: false, ct) is { } details)
            activities = details.Activities.Select(a => new TraceActivityDto(a.Id, a.Order, a.Title, a.Percent, a.IsCancelled, $"/plan/activities/{a.Id}",
                LocalizedTextDto.From(a.TitleText))).ToList();
        return new TraceDto(ideas,
            sheet is null ? null : new TraceSheetDto(sheet.Id, sheet.CycleId, sheet.Title, $"/sheets/{sheet.Id}", LocalizedTextDto.From(sheet.TitleText)),
            commitment is null ? null : new TraceCommitmentDto(commitment.Id, commitment.PlanId, commitment.PlanTitle, commitment.Number, commitment.Title,
                $"/plan/commitments/{commitment.Id}", LocalizedTextDto.From(commitment.TitleText), LocalizedTextDto.From(commitment.PlanTitleText)),
            activities);
    }
}
