using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Reports;

namespace OpenGov.Consultation.Sheets;

/// <summary>Public comments on the cycle's published sheets, and how many distinct people wrote them.</summary>
public sealed class SheetCommentsParticipation(DbContext db) : IParticipationSource
{
    public async Task<IReadOnlyList<ParticipationFigure>> FiguresAsync(Guid cycleId, CancellationToken ct)
    {
        var comments = db.Set<SheetComment>().Where(c => db.Set<Sheet>().Any(s => s.Id == c.SheetId && s.CycleId == cycleId && s.CurrentVersion > 0));
        return
        [
            new("sheetComments", await comments.CountAsync(ct)),
            new("sheetCommenters", await comments.Select(c => c.AuthorUserId).Distinct().CountAsync(ct)),
        ];
    }
}
