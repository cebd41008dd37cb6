using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Proposals;
using OpenGov.Consultation.Sheets;
using OpenGov.SharedKernel.Text;

namespace OpenGov.Consultation.Evaluation;

public sealed record CycleWithSelection(Guid CycleId, string Title, int PlanStartYear, int PlanEndYear, int Retained);

public sealed record AdoptableActivity(LocalizedText Deliverable, DateOnly? Start, DateOnly? End);

/// <summary>A retained sheet as its latest published version says it (French with the translations it holds), in plain data
/// for the plan's adoption.</summary>
public sealed record AdoptableSheet(Guid SheetId, LocalizedText Title, string LeadAgency, LocalizedText AxisName, LocalizedText Problem,
    LocalizedText Description, IReadOnlyList<AdoptableActivity> Activities);

/// <summary>
/// What the plan's adoption reads from co-creation: the sheets retained by a published selection, from their latest published
/// version (never an unpublished draft). A sheet has no axis of its own, so it takes the axis of its first linked proposal.
/// </summary>
public sealed class SheetAdoption(DbContext db)
{
    public const string DefaultAxis = "Engagements du plan";

    public async Task<IReadOnlyList<CycleWithSelection>> CyclesWithSelectionAsync(CancellationToken ct = default)
    {
        var selected = db.Set<CycleSelection>().Select(s => s.CycleId);
        return await db.Set<Cycle>().Where(c => selected.Contains(c.Id)).OrderByDescending(c => c.PlanStartYear)
            .Select(c => new CycleWithSelection(c.Id, c.Title, c.PlanStartYear, c.PlanEndYear,
                db.Set<Sheet>().Count(s => s.CycleId == c.Id && s.IsSelected && s.CurrentVersion > 0)))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<AdoptableSheet>> RetainedSheetsAsync(Guid cycleId, CancellationToken ct = default)
    {
        if (!await db.Set<CycleSelection>().AnyAsync(s => s.CycleId == cycleId, ct)) return [];
        var sheets = await db.Set<Sheet>().Where(s => s.CycleId == cycleId && s.IsSelected && s.CurrentVersion > 0)
            .OrderBy(s => s.FirstPublishedAt).ThenBy(s => s.Id)
            .Select(s => new
            {
                s.Id,
                Agency = db.Set<Agency>().Where(a => a.Id == s.AgencyId).Select(a => a.Name).FirstOrDefault(),
                Json = db.Set<SheetVersion>().Where(v => v.SheetId == s.Id).OrderByDescending(v => v.Number).Select(v => v.ContentJson).First(),
            })
            .ToListAsync(ct);
        var contents = sheets.Select(s => (s.Id, s.Agency, Content: SheetContent.FromJson(s.Json))).ToList();
        var proposalIds = contents.Select(c => FirstProposal(c.Content)).Where(id => id != Guid.Empty).Distinct().ToList();
        var axisByProposal = await db.Set<Proposal>().Where(p => proposalIds.Contains(p.Id))
            .Join(db.Set<CycleAxis>(), p => p.AxisId, a => a.Id, (p, a) => new { p.Id, a.NameFr, a.NameAr, a.NameEn })
            .ToDictionaryAsync(x => x.Id, x => LocalizedText.CopiesAsMissing(x.NameFr, x.NameAr, x.NameEn), ct);
        return contents.Select(c => new AdoptableSheet(c.Id, c.Content.TitleText, c.Agency ?? "",
                axisByProposal.GetValueOrDefault(FirstProposal(c.Content), new LocalizedText(DefaultAxis)),
                c.Content.Text(SheetSections.Problem),
                Description(c.Content),
                c.Content.Activities.Select(a => new AdoptableActivity(c.Content.ActivityText(a), a.Start, a.End)).ToList()))
            .ToList();
    }

    /// <summary>The commitment's description joins the sheet's commitment and how it solves the problem; a language's
    /// description exists only when every French part has that translation (half a translation would read as whole).</summary>
    private static LocalizedText Description(SheetContent content)
    {
        var parts = new[] { content.Text(SheetSections.Commitment), content.Text(SheetSections.HowItSolves) }.Where(t => t.Fr.Length > 0).ToList();
        string? Join(string language) => parts.Count > 0 && parts.All(p => p.Has(language))
            ? string.Join("\n\n", parts.Select(p => p.In(language))) : null;
        return new LocalizedText(string.Join("\n\n", parts.Select(p => p.Fr)), Join(LocalizedText.Arabic), Join(LocalizedText.English));
    }

    private static Guid FirstProposal(SheetContent c) => c.ProposalIds.Count > 0 ? c.ProposalIds[0] : Guid.Empty;
}
