using OpenGov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;

namespace OpenGov.Consultation.Feedback;

/// <summary>Moderators' reusable answers.</summary>
public sealed class AnswerTemplates(DbContext db, TimeProvider clock)
{
    public sealed record Item(Guid Id, string Name, ResponseState State, string Justification);

    public async Task<IReadOnlyList<Item>> ListAsync(Guid cycleId, CancellationToken ct = default)
        => await db.Set<AnswerTemplate>().Where(t => t.CycleId == cycleId).OrderBy(t => t.Name)
            .Select(t => new Item(t.Id, t.Name, t.State, t.JustificationMarkdown)).ToListAsync(ct);

    /// <summary>Creates (id null) or updates a template. A duplicate name is an <see cref="InvalidOperationException"/>.</summary>
    public async Task<Guid> SaveAsync(Guid cycleId, Guid? id, string name, ResponseState state, string justification, string userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.Set<AnswerTemplate>().AnyAsync(t => t.CycleId == cycleId && t.Name == name.Trim() && t.Id != id, ct))
            throw DomainException.Rule("TemplateWithNameAlreadyExists");
        AnswerTemplate template;
        if (id is null)
        {
            template = new AnswerTemplate(cycleId, name, state, justification, userId, now);
            db.Add(template);
        }
        else
        {
            template = await db.Set<AnswerTemplate>().FirstOrDefaultAsync(t => t.Id == id && t.CycleId == cycleId, ct)
                ?? throw DomainException.Rule("UnknownAnswerTemplate");
            template.Update(name, state, justification, userId, now);
        }
        await db.SaveChangesAsync(ct);
        return template.Id;
    }

    public async Task DeleteAsync(Guid cycleId, Guid id, CancellationToken ct = default)
    {
        await db.Set<AnswerTemplate>().Where(t => t.Id == id && t.CycleId == cycleId).ExecuteDeleteAsync(ct);
    }
}
