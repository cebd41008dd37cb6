using OpenGov.Consultation.Feedback;
using OpenGov.Consultation.OpenData;
using OpenGov.Tracking.Plans;

namespace OpenGov.Web.Infrastructure.Traceability;

/// <summary>
/// Public traceability both ways (idea → response → sheet → commitment → activities, and back), composed here because
/// Consultation and Tracking never reference each other: each answers by id (<see cref="ResponseTrace"/>,
/// <see cref="PlanQueries"/>) and the link between them is the commitment's source sheet id.
/// Pages and the open-data API both use it, so the site and the API show the same chain.
/// </summary>
public sealed class TraceChain(ResponseTrace consultation, PlanQueries plans)
{
    public async Task<IdeaTrail> IdeaAsync(Guid proposalId, CancellationToken ct = default)
    {
        var response = await consultation.PublishedResponseAsync(proposalId, ct);
        var commitment = response?.Sheet is { } sheet ? await plans.AdoptedFromSheetAsync(sheet.Id, ct) : null;
        return new IdeaTrail(response, commitment);
    }

    public async Task<SheetTrail> SheetAsync(Guid sheetId, CancellationToken ct = default)
        => new(await consultation.IdeasIntegratedIntoAsync(sheetId, ct), await plans.AdoptedFromSheetAsync(sheetId, ct));

    public async Task<CommitmentTrail> CommitmentAsync(Guid? sourceSheetId, CancellationToken ct = default)
    {
        if (sourceSheetId is not { } id) return new CommitmentTrail(null, []);
        var sheet = await consultation.SheetAsync(id, ct);
        return sheet is null ? new CommitmentTrail(null, []) : new CommitmentTrail(sheet, await consultation.IdeasIntegratedIntoAsync(id, ct));
    }
}
