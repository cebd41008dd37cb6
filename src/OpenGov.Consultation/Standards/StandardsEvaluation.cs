using OpenGov.Consultation.Cycles;
using OpenGov.SharedKernel.Numbers;

namespace OpenGov.Consultation.Standards;

/// <summary>
/// The rules of the OGP standards checklist: each requirement's verdict from a cycle's facts, the thresholds and the
/// instant of the check. Pure, so every threshold is unit-tested; <see cref="CycleStandards"/> gathers the facts.
/// </summary>
public static class StandardsEvaluation
{
    public const string Forum = "Forum", Parity = "Parity", Timeline = "Timeline", Windows = "Windows",
        Responses = "Responses", Repository = "Repository", Updates = "Updates";

    public static IReadOnlyList<StandardCheck> Evaluate(CoCreationFacts f, StandardsOptions o, DateTime now)
        => [ForumMeets(f, o, now), CivilSocietyParity(f), TimelineAhead(f, o), ConsultationWindows(f, o),
            ReasonedResponses(f, o), OnlineRepository(f), ProgressUpdates(f, o, now)];

    /// <summary>Co-creation runs from the first phase's start to the last phase's end.</summary>
    private static (DateTime Start, DateTime End)? CoCreation(CoCreationFacts f)
        => f.Phases.Count == 0 ? null : (f.Phases.Min(p => p.StartsAt), f.Phases.Max(p => p.EndsAt));

    private static double Days(TimeSpan span) => Math.Floor(span.TotalDays);

    /// <summary>Largest interval between consecutive instants (the bounds included), in whole days.</summary>
    private static double LargestGap(DateTime from, IEnumerable<DateTime> points, DateTime to)
    {
        var all = points.Where(p => p >= from && p <= to).Order().Prepend(from).Append(to).ToList();
        return all.Zip(all.Skip(1), (a, b) => Days(b - a)).DefaultIfEmpty(0).Max();
    }

    private static StandardCheck ForumMeets(CoCreationFacts f, StandardsOptions o, DateTime now)
    {
        var evidence = f.ForumMeetings.OrderBy(m => m.HeldOn)
            .Select(m => new StandardEvidence("meeting", $"{m.HeldOn:yyyy-MM-dd} · {m.Title}", $"/meetings/{m.Id}")).ToList();
        if (CoCreation(f) is not { } period)
            return new(Forum, StandardStatus.NotMet, [new("meetings", 0), new("required", o.ForumMinMeetings), new("largestGapDays", 0), new("maxGapDays", o.ForumMaxGapDays)], evidence);
        var (start, end) = period;
        var until = now < end ? now : end;
        var held = f.ForumMeetings.Select(m => m.HeldOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)).Where(d => d >= start.Date && d < until).ToList();
        // While the co-creation runs, the meetings expected so far are pro rata of the whole.
        var share = until <= start ? 0 : Math.Min(1, (until - start).TotalDays / Math.Max(1, (end - start).TotalDays));
        var required = Math.Max(1, (int)Math.Ceiling(o.ForumMinMeetings * share));
        var gap = until <= start ? 0 : LargestGap(start.Date, held, until);
        var status = held.Count >= required && gap <= o.ForumMaxGapDays ? StandardStatus.Met
            : held.Count > 0 ? StandardStatus.Partly : StandardStatus.NotMet;
        return new(Forum, status, [new("meetings", held.Count), new("required", required), new("largestGapDays", gap), new("maxGapDays", o.ForumMaxGapDays)],
            evidence.Append(new StandardEvidence("meetings", "", "/meetings")).ToList());
    }

    private static StandardCheck CivilSocietyParity(CoCreationFacts f)
    {
        var seats = f.Forum ?? new ForumFact(0, 0, 0);
        var status = seats.CivilSocietySeats >= 1 && seats.CivilSocietySeats >= seats.GovernmentSeats && seats.CivilSocietySeatsFilled == seats.CivilSocietySeats
            ? StandardStatus.Met
            : seats.CivilSocietySeats >= 1 ? StandardStatus.Partly : StandardStatus.NotMet;
        return new(Parity, status,
            [new("governmentSeats", seats.GovernmentSeats), new("civilSocietySeats", seats.CivilSocietySeats), new("civilSocietySeatsFilled", seats.CivilSocietySeatsFilled)],
            [new StandardEvidence("committees", "", "/committees")]);
    }

    private static StandardCheck TimelineAhead(CoCreationFacts f, StandardsOptions o)
    {
        var cycleLink = new StandardEvidence("cycle", f.CycleTitle, $"/cycles/{f.CycleId}");
        var first = f.Phases.OrderBy(p => p.StartsAt).FirstOrDefault();
        if (first is null) return new(Timeline, StandardStatus.NotMet, [new("noticeDays", 0), new("requiredDays", o.TimelineNoticeDays)], [cycleLink]);
        var notice = Math.Max(0, Days(first.StartsAt - first.PublishedAt));
        var status = notice >= o.TimelineNoticeDays ? StandardStatus.Met : first.PublishedAt < first.StartsAt ? StandardStatus.Partly : StandardStatus.NotMet;
        return new(Timeline, status, [new("noticeDays", notice), new("requiredDays", o.TimelineNoticeDays)], [cycleLink]);
    }

    private static StandardCheck ConsultationWindows(CoCreationFacts f, StandardsOptions o)
    {
        // The idea collection and the public consultation phases, and every published sheet's comment window.
        var windows = f.Phases.Where(p => p.Kind is PhaseKind.ProposalCollection or PhaseKind.PublicConsultation)
            .Select(p => (Length: Days(p.EndsAt - p.StartsAt), Notice: Math.Max(0, Days(p.StartsAt - p.PublishedAt)),
                Evidence: new StandardEvidence("phase", p.Kind.ToString(), $"/cycles/{f.CycleId}")))
            .Concat(f.SheetWindows.Select(w => (Length: Days(w.ClosesAt - w.OpensAt), Notice: Math.Max(0, Days(w.OpensAt - w.AnnouncedAt)),
                Evidence: new StandardEvidence("sheet", w.Title, $"/sheets/{w.SheetId}"))))
            .ToList();
        var adequate = windows.Count(w => w.Length >= o.ConsultationMinDays && w.Notice >= o.ConsultationNoticeDays);
        var longEnough = windows.Count(w => w.Length >= o.ConsultationMinDays);
        var status = windows.Count > 0 && adequate == windows.Count ? StandardStatus.Met
            : adequate > 0 || longEnough > 0 ? StandardStatus.Partly : StandardStatus.NotMet;
        // The windows that miss a threshold are the evidence worth following; when none does, all of them.
        var shown = windows.Where(w => w.Length < o.ConsultationMinDays || w.Notice < o.ConsultationNoticeDays).ToList() is { Count: > 0 } missing ? missing : windows;
        return new(Windows, status,
            [new("windows", windows.Count), new("adequate", adequate), new("minDays", o.ConsultationMinDays), new("noticeDays", o.ConsultationNoticeDays)],
            shown.Select(w => w.Evidence).DistinctBy(e => (e.Kind, e.Url, e.Label)).ToList());
    }

    private static StandardCheck ReasonedResponses(CoCreationFacts f, StandardsOptions o)
    {
        var share = Percentage.Of(f.IdeasAnswered, f.Ideas);
        var status = f.Ideas > 0 && f.IdeasAnswered >= f.Ideas ? StandardStatus.Met
            : f.Ideas > 0 && share.Value >= o.ResponsesPartlyPercent ? StandardStatus.Partly : StandardStatus.NotMet;
        return new(Responses, status, [new("answered", f.IdeasAnswered), new("ideas", f.Ideas), new("percent", share.Value), new("partlyPercent", o.ResponsesPartlyPercent)],
            [new StandardEvidence("feedback", "", $"/cycles/{f.CycleId}/feedback")]);
    }

    private static StandardCheck OnlineRepository(CoCreationFacts f)
    {
        var evidence = new List<StandardEvidence> { new("report", "", $"/cycles/{f.CycleId}/report"), new("openData", "", "/open-data") };
        if (f.Plan is { } plan) evidence.Insert(0, new StandardEvidence("plan", plan.Title, $"/plan/{plan.Id}"));
        var status = f.Plan is { Commitments.Count: > 0 } ? StandardStatus.Met
            : f.Plan is not null || f.PublishedSheets > 0 ? StandardStatus.Partly : StandardStatus.NotMet;
        return new(Repository, status, [new("planPublished", f.Plan is null ? 0 : 1), new("commitments", f.Plan?.Commitments.Count ?? 0), new("sheets", f.PublishedSheets)], evidence);
    }

    private static StandardCheck ProgressUpdates(CoCreationFacts f, StandardsOptions o, DateTime now)
    {
        if (f.Plan is not { } plan)
            return new(Updates, StandardStatus.NotMet, [new("regular", 0), new("commitments", 0), new("maxDays", o.ProgressUpdateMaxDays)], []);
        var until = now < plan.EndsAt ? now : plan.EndsAt;
        var regular = plan.Commitments.Where(c => LargestGap(plan.PublishedAt, c.OwnerUpdates, until) <= o.ProgressUpdateMaxDays).ToList();
        var status = plan.Commitments.Count > 0 && regular.Count == plan.Commitments.Count ? StandardStatus.Met
            : regular.Count > 0 || plan.Commitments.Any(c => c.OwnerUpdates.Count > 0) ? StandardStatus.Partly : StandardStatus.NotMet;
        // The commitments that miss the rhythm are the evidence worth following.
        var late = plan.Commitments.Except(regular).Select(c => new StandardEvidence("lateCommitment", $"{c.Number}. {c.Title}", $"/plan/commitments/{c.Id}"));
        return new(Updates, status, [new("regular", regular.Count), new("commitments", plan.Commitments.Count), new("maxDays", o.ProgressUpdateMaxDays)],
            late.Prepend(new StandardEvidence("plan", plan.Title, $"/plan/{plan.Id}")).ToList());
    }
}
