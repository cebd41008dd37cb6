using OpenGov.Consultation.Cycles;

namespace OpenGov.Consultation.Standards;

/// <summary>A dated phase and when its dates were made public.</summary>
public sealed record PhaseFact(PhaseKind Kind, DateTime StartsAt, DateTime EndsAt, DateTime PublishedAt);

/// <summary>A steering-committee meeting whose minutes are published.</summary>
public sealed record MeetingFact(Guid Id, string Title, DateOnly HeldOn);

/// <summary>The steering committee's seats on the reference day.</summary>
public sealed record ForumFact(int GovernmentSeats, int CivilSocietySeats, int CivilSocietySeatsFilled);

/// <summary>A published sheet's consultation window; <see cref="AnnouncedAt"/> is its first publication.</summary>
public sealed record WindowFact(Guid SheetId, string Title, DateTime OpensAt, DateTime ClosesAt, DateTime AnnouncedAt);

/// <summary>One commitment of the adopted plan and its owners' updates.</summary>
public sealed record CommitmentFact(Guid Id, int Number, string Title, IReadOnlyList<DateTime> OwnerUpdates);

/// <summary>The published plan adopted from the cycle.</summary>
public sealed record PlanFact(Guid Id, string Title, DateTime PublishedAt, DateTime EndsAt, IReadOnlyList<CommitmentFact> Commitments);

/// <summary>Everything the checklist reads about one cycle; <see cref="StandardsEvaluation"/> is a pure function of it.</summary>
public sealed record CoCreationFacts(
    Guid CycleId, string CycleTitle, IReadOnlyList<PhaseFact> Phases, IReadOnlyList<MeetingFact> ForumMeetings, ForumFact? Forum,
    IReadOnlyList<WindowFact> SheetWindows, int Ideas, int IdeasAnswered, int PublishedSheets, PlanFact? Plan);
