using OpenGov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Auditing;

namespace OpenGov.Consultation.Committees;

public sealed record MandateRow(Guid Id, string HolderName, string Organisation, DateOnly StartsOn, DateOnly EndsOn, bool IsActive, bool IsExpired);

public sealed record SeatRow(Guid Id, SeatKind Kind, string Label, MandateRow? Current, IReadOnlyList<MandateRow> Expired, bool IsVacant);

public sealed record CommitteeView(Guid Id, CommitteeKind Kind, string Name, string Description, IReadOnlyList<SeatRow> Seats,
    int GovernmentSeats, int CivilSocietySeats, bool HasParity, int Vacancies, IReadOnlyList<EndingMandate> EndingSoon);

/// <summary>A mandate in force whose last day falls within <see cref="Committee.EndingSoonDays"/> days.</summary>
public sealed record EndingMandate(string SeatLabel, string HolderName, DateOnly EndsOn);

/// <summary>Committees, their seats and the mandates on them; editing is for administrators (checked by the pages).</summary>
public sealed class CommitteeService(DbContext db, TimeProvider clock, IAuditLog audit)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<CommitteeView>> AllAsync(CancellationToken ct = default)
    {
        var committees = await db.Set<Committee>().AsNoTracking().Include(c => c.Seats).Include(c => c.Mandates).AsSplitQuery()
            .OrderBy(c => c.Kind).ToListAsync(ct);
        return committees.Select(View).ToList();
    }

    public async Task<CommitteeView?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var c = await db.Set<Committee>().AsNoTracking().Include(x => x.Seats).Include(x => x.Mandates).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        return c is null ? null : View(c);
    }

    private CommitteeView View(Committee c)
    {
        var today = Today;
        MandateRow Row(Mandate m) => new(m.Id, m.HolderName, m.Organisation, m.StartsOn, m.EndsOn, m.IsActiveOn(today), m.IsExpiredOn(today));
        var seats = c.Seats.OrderBy(s => s.Kind).ThenBy(s => s.Order).Select(s =>
        {
            var current = c.CurrentMandate(s.Id, today);
            var expired = c.Mandates.Where(m => m.SeatId == s.Id && m.IsExpiredOn(today)).OrderByDescending(m => m.EndsOn).Select(Row).ToList();
            return new SeatRow(s.Id, s.Kind, s.Label, current is null ? null : Row(current), expired, current is null);
        }).ToList();
        return new CommitteeView(c.Id, c.Kind, c.Name, c.Description, seats, seats.Count(s => s.Kind == SeatKind.Government),
            seats.Count(s => s.Kind == SeatKind.CivilSociety), c.HasParityOn(today), seats.Count(s => s.IsVacant),
            seats.Where(s => s.Current is { } m && m.EndsOn <= today.AddDays(Committee.EndingSoonDays))
                .Select(s => new EndingMandate(s.Label, s.Current!.HolderName, s.Current.EndsOn)).OrderBy(e => e.EndsOn).ToList());
    }

    public async Task AddSeatAsync(string adminId, Guid committeeId, SeatKind kind, string label, CancellationToken ct = default)
    {
        var c = await LoadAsync(committeeId, ct);
        var seat = c.AddSeat(kind, label);
        audit.Record(adminId, "committee.seat-added", nameof(Committee), committeeId.ToString(), $"{kind}: {seat.Label}");
        await db.SaveChangesAsync(ct);
    }

    public async Task AssignMandateAsync(string adminId, Guid committeeId, Guid seatId, string holder, string organisation, DateOnly startsOn, DateOnly endsOn, CancellationToken ct = default)
    {
        var c = await LoadAsync(committeeId, ct);
        var m = c.AssignMandate(seatId, holder, organisation, startsOn, endsOn);
        audit.Record(adminId, "committee.mandate-assigned", nameof(Mandate), m.Id.ToString(), $"{m.HolderName} ({m.Organisation}) {startsOn:yyyy-MM-dd}–{endsOn:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
    }

    public async Task RenameSeatAsync(string adminId, Guid committeeId, Guid seatId, string label, CancellationToken ct = default)
    {
        var c = await LoadAsync(committeeId, ct);
        c.RenameSeat(seatId, label);
        audit.Record(adminId, "committee.seat-renamed", nameof(Committee), committeeId.ToString(), label.Trim());
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveSeatAsync(string adminId, Guid committeeId, Guid seatId, CancellationToken ct = default)
    {
        var c = await LoadAsync(committeeId, ct);
        var seat = c.RemoveSeat(seatId, Today);
        audit.Record(adminId, "committee.seat-removed", nameof(Committee), committeeId.ToString(), $"{seat.Kind}: {seat.Label}");
        await db.SaveChangesAsync(ct);
    }

    public async Task EndMandateAsync(string adminId, Guid committeeId, Guid mandateId, DateOnly on, CancellationToken ct = default)
    {
        var c = await LoadAsync(committeeId, ct);
        c.EndMandate(mandateId, on);
        audit.Record(adminId, "committee.mandate-ended", nameof(Mandate), mandateId.ToString(), $"{on:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
    }

    private async Task<Committee> LoadAsync(Guid id, CancellationToken ct)
        => await db.Set<Committee>().Include(c => c.Seats).Include(c => c.Mandates).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct)
           ?? throw DomainException.NotFound("UnknownCommittee");
}
