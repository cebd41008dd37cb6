using OpenGov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Associations;

namespace OpenGov.Consultation.Sheets;

/// <summary>Public consultation: comments anchored to a section, as oneself or on behalf of an association.</summary>
public sealed class SheetCommenting(DbContext db, AssociationMembership memberships, TimeProvider clock)
{
    public async Task<Guid> CommentAsync(string userId, string userName, Guid sheetId, string sectionKey, string body, Guid? associationId,
        CancellationToken ct = default)
    {
        var sheet = await db.Set<Sheet>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sheetId, ct) ?? throw DomainException.NotFound("UnknownSheet");
        var now = clock.GetUtcNow().UtcDateTime;
        sheet.EnsureOpenForComments(now);
        var published = await db.Set<SheetVersion>().Where(v => v.SheetId == sheetId && v.Number == sheet.CurrentVersion)
            .Select(v => v.ContentJson).FirstAsync(ct);
        if (!SheetSections.IsValid(sectionKey, SheetContent.FromJson(published)))
            throw DomainException.Rule("UnknownSection");
        string? associationName = null;
        if (associationId is { } aid)
        {
            if (!await memberships.CanActForAsync(userId, aid, ct))
                throw DomainException.Forbidden("ApprovedMembersVerifiedAssociationMayCommentBehalf");
            associationName = await db.Set<Association>().Where(a => a.Id == aid).Select(a => a.Name).FirstAsync(ct);
        }
        var comment = new SheetComment(Guid.NewGuid(), sheetId, sectionKey, sheet.CurrentVersion, userId, userName, associationId, associationName, body, now);
        db.Add(comment);
        // The count is incremented in SQL, in the comment's transaction: a loaded entity's "+1" lost concurrent comments.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await db.Set<Sheet>().Where(s => s.Id == sheetId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CommentCount, x => x.CommentCount + 1), ct);
        await tx.CommitAsync(ct);
        return comment.Id;
    }
}
