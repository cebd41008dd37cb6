using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Errors;
using OpenGov.SharedKernel.Text;

namespace OpenGov.Tracking.Plans;

/// <summary>Administrators translate a plan's official texts: the plan, its axes, commitments and activities.
/// A published plan's commitments are re-indexed in the same unit of work, so search finds the new languages.</summary>
public sealed class PlanTranslations(DbContext db, IAuditLog audit, CommitmentIndexing indexing) : ITranslatableTexts
{
    public IReadOnlyList<string> Kinds { get; } = ["plan", "plan-axis", "commitment", "activity"];

    public async Task<TranslationForm?> LoadAsync(string kind, Guid id, CancellationToken ct = default)
    {
        switch (kind)
        {
            case "plan":
                var plan = await db.Set<Plan>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
                return plan is null ? null : new TranslationForm(kind, id, plan.Title, $"/plan/admin/{plan.Id}",
                [
                    new("Field.title", false, 300, true, plan.TitleText),
                    new("Field.context", true, 20000, false, plan.ContextText),
                    new("Field.trackingSystem", true, 20000, false, plan.TrackingSystemText),
                ]);
            case "plan-axis":
                var axis = await db.Set<PlanAxis>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
                return axis is null ? null : new TranslationForm(kind, id, axis.NameFr, $"/plan/admin/{axis.PlanId}",
                    [new("Field.name", false, 300, true, axis.NameText)]);
            case "commitment":
                var c = await db.Set<Commitment>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
                return c is null ? null : new TranslationForm(kind, id, $"{c.Number}. {c.Title}", $"/plan/admin/{c.PlanId}",
                [
                    new("Field.title", false, 500, true, c.TitleText),
                    new("Field.problem", true, 20000, false, c.ProblemText),
                    new("Field.description", true, 20000, false, c.DescriptionText),
                ]);
            case "activity":
                var a = await db.Set<Activity>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
                if (a is null) return null;
                var planId = await db.Set<Commitment>().Where(x => x.Id == a.CommitmentId).Select(x => x.PlanId).FirstAsync(ct);
                return new TranslationForm(kind, id, a.Title, $"/plan/admin/{planId}", [new("Field.title", false, 500, true, a.TitleText)]);
            default:
                return null;
        }
    }

    public async Task SaveAsync(string kind, Guid id, IReadOnlyList<LocalizedText> values, string actorUserId, CancellationToken ct = default)
    {
        string entity;
        switch (kind)
        {
            case "plan":
                var plan = await db.Set<Plan>().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw DomainException.NotFound("NoSuchPlan");
                plan.Translate(At(values, 0), At(values, 1), At(values, 2));
                entity = "Plan";
                break;
            case "plan-axis":
                var axis = await db.Set<PlanAxis>().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw DomainException.NotFound("NoSuchPlan");
                axis.Translate(At(values, 0));
                entity = "PlanAxis";
                break;
            case "commitment":
                var c = await db.Set<Commitment>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound("NoSuchCommitment");
                c.Translate(At(values, 0), At(values, 1), At(values, 2));
                if (await IsPublishedAsync(c.PlanId, ct)) await indexing.IndexAsync(c, ct);
                entity = "Commitment";
                break;
            case "activity":
                var a = await db.Set<Activity>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound("NoSuchCommitment");
                a.Translate(At(values, 0));
                entity = "Activity";
                break;
            default:
                throw DomainException.NotFound("NoSuchPlan");
        }
        audit.Record(actorUserId, "plan.translated", entity, id.ToString());
        await db.SaveChangesAsync(ct);
    }

    private Task<bool> IsPublishedAsync(Guid planId, CancellationToken ct)
        => db.Set<Plan>().AnyAsync(p => p.Id == planId && p.Status == PlanStatus.Published, ct);

    private static LocalizedText At(IReadOnlyList<LocalizedText> values, int i) => i < values.Count ? values[i] : new LocalizedText("");
}
