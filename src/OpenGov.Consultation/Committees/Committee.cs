using OpenGov.SharedKernel.Text;
using OpenGov.SharedKernel.Errors;
namespace OpenGov.Consultation.Committees;

public enum CommitteeKind { Steering = 0, Implementation = 1 }
public enum SeatKind { Government = 0, CivilSociety = 1 }

/// <summary>
/// The steering committee (parity between government and civil society, with rotation) or the implementation
/// committee (the commitments' focal points). Seats are permanent; mandates come and go on them.
/// </summary>
public sealed class Committee
{
    private readonly List<CommitteeSeat> _seats = [];
    private readonly List<Mandate> _mandates = [];

    private Committee() { }

    public Committee(Guid id, CommitteeKind kind, string name, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Kind = kind;
        Name = SingleLineText.Trim(name, "Name");
        Description = description ?? "";
    }

    public Guid Id { get; private set; }
    public CommitteeKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";
    public IReadOnlyList<CommitteeSeat> Seats => _seats;
    public IReadOnlyList<Mandate> Mandates => _mandates;

    public CommitteeSeat AddSeat(SeatKind kind, string label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        var seat = new CommitteeSeat(Guid.NewGuid(), Id, kind, label.Trim(), _seats.Count + 1);
        _seats.Add(seat);
        return seat;
    }

    public void RenameSeat(Guid seatId, string label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        var seat = _seats.FirstOrDefault(s => s.Id == seatId) ?? throw DomainException.Rule("UnknownSeat");
        seat.Rename(label.Trim());
    }

    /// <summary>Removes a seat that no mandate holds now or later (end the mandate first); its past mandates stay on record.</summary>
    public CommitteeSeat RemoveSeat(Guid seatId, DateOnly today)
    {
        var seat = _seats.FirstOrDefault(s => s.Id == seatId) ?? throw DomainException.Rule("UnknownSeat");
        if (_mandates.Any(m => m.SeatId == seatId && !m.IsExpiredOn(today))) throw DomainException.Rule("SeatStillHeld");
        _seats.Remove(seat);
        return seat;
    }

    /// <summary>Gives a seat to a holder for a period; periods on one seat may not overlap.</summary>
    public Mandate AssignMandate(Guid seatId, string holderName, string organisation, DateOnly startsOn, DateOnly endsOn)
    {
        if (_seats.All(s => s.Id != seatId)) throw DomainException.Rule("UnknownSeat");
        ArgumentException.ThrowIfNullOrWhiteSpace(holderName);
        ArgumentException.ThrowIfNullOrWhiteSpace(organisation);
        if (endsOn <= startsOn) throw DomainException.Rule("MandateMustEndAfterStarts");
        if (_mandates.Any(m => m.SeatId == seatId && m.StartsOn < endsOn && startsOn < m.EndsOn))
            throw DomainException.Rule("SeatAlreadyHasMandatePeriod");
        var mandate = new Mandate(Guid.NewGuid(), Id, seatId, holderName.Trim(), organisation.Trim(), startsOn, endsOn);
        _mandates.Add(mandate);
        return mandate;
    }

    /// <summary>Ends a mandate early (resignation, rotation), keeping its history.</summary>
    public void EndMandate(Guid mandateId, DateOnly on)
    {
        var mandate = _mandates.FirstOrDefault(m => m.Id == mandateId) ?? throw DomainException.Rule("UnknownMandate");
        mandate.EndOn(on);
    }

    public Mandate? CurrentMandate(Guid seatId, DateOnly today)
        => _mandates.Where(m => m.SeatId == seatId && m.IsActiveOn(today)).OrderByDescending(m => m.StartsOn).FirstOrDefault();

    /// <summary>Seats with no mandate in force today: what rotation must fill.</summary>
    public IReadOnlyList<CommitteeSeat> Vacancies(DateOnly today) => _seats.Where(s => CurrentMandate(s.Id, today) is null).ToList();

    /// <summary>Parity holds when government and civil society have as many filled seats (a mandate in force) on <paramref name="today"/>;
    /// an empty seat represents nobody.</summary>
    public bool HasParityOn(DateOnly today)
    {
        int Filled(SeatKind kind) => _seats.Count(s => s.Kind == kind && CurrentMandate(s.Id, today) is not null);
        return Filled(SeatKind.Government) == Filled(SeatKind.CivilSociety);
    }

    /// <summary>How far ahead the committee page warns of mandates ending.</summary>
    public const int EndingSoonDays = 60;
}

public sealed class CommitteeSeat
{
    private CommitteeSeat() { }

    internal CommitteeSeat(Guid id, Guid committeeId, SeatKind kind, string label, int order)
    {
        Id = id;
        CommitteeId = committeeId;
        Kind = kind;
        Label = label;
        Order = order;
    }

    public Guid Id { get; private set; }
    public Guid CommitteeId { get; private set; }
    public SeatKind Kind { get; private set; }
    public string Label { get; private set; } = "";

    internal void Rename(string label) => Label = label;
    public int Order { get; private set; }
}

public sealed class Mandate
{
    private Mandate() { }

    internal Mandate(Guid id, Guid committeeId, Guid seatId, string holderName, string organisation, DateOnly startsOn, DateOnly endsOn)
    {
        Id = id;
        CommitteeId = committeeId;
        SeatId = seatId;
        HolderName = holderName;
        Organisation = organisation;
        StartsOn = startsOn;
        EndsOn = endsOn;
    }

    public Guid Id { get; private set; }
    public Guid CommitteeId { get; private set; }
    public Guid SeatId { get; private set; }
    public string HolderName { get; private set; } = "";
    public string Organisation { get; private set; } = "";
    public DateOnly StartsOn { get; private set; }
    /// <summary>Exclusive: the mandate no longer runs on this day.</summary>
    public DateOnly EndsOn { get; private set; }

    public bool IsActiveOn(DateOnly day) => StartsOn <= day && day < EndsOn;
    public bool IsExpiredOn(DateOnly day) => EndsOn <= day;

    internal void EndOn(DateOnly on)
    {
        if (on <= StartsOn) throw DomainException.Rule("MandateCannotEndBeforeStarts");
        if (on >= EndsOn) throw DomainException.Rule("MandateAlreadyEndsThen");
        EndsOn = on;
    }
}
