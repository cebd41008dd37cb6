using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Text;

namespace OpenGov.Tracking.Plans;

public sealed record PlanListItem(Guid Id, string Title, int StartYear, int EndYear, PlanStatus Status, DateTime? PublishedAt, int Commitments)
{
    /// <summary>The title in every language (<see cref="Title"/> is the French original).</summary>
    public LocalizedText TitleText { get; init; } = new(Title);
}

public sealed record AxisRate(Guid Id, int Order, string NameFr, string NameAr, string NameEn, double Rate)
{
    public string Name(string culture) => PlanAxis.Pick(culture, NameFr, NameAr, NameEn);
    public LocalizedText NameText => LocalizedText.CopiesAsMissing(NameFr, NameAr, NameEn);
}

public sealed record CommitmentRate(Guid Id, int Number, string Title, Guid AxisId, string LeadAgency, double Rate,
    int LateActivities, DateTime? LastUpdatedAt)
{
    public ProgressLevel Level => Progress.LevelOf(Rate);
    public LocalizedText TitleText { get; init; } = new(Title);
    /// <summary>The focal point (for administrators' pages; not shown publicly).</summary>
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
    public string ContactCulture { get; init; } = OpenGov.SharedKernel.Outbox.MailLanguage.Default;
}

/// <summary>A plan's progress, computed from its activities by the stated rules (unrounded).</summary>
public sealed record PlanProgress(Guid PlanId, string Title, int StartYear, int EndYear, PlanStatus Status, bool WeightsLocked,
    double Overall, IReadOnlyList<AxisRate> Axes, IReadOnlyList<CommitmentRate> Commitments)
{
    public AxisRate AxisOf(CommitmentRate c) => Axes.First(a => a.Id == c.AxisId);
    public LocalizedText TitleText { get; init; } = new(Title);
    public LocalizedText ContextText { get; init; } = new("");
    public LocalizedText TrackingSystemText { get; init; } = new("");

    /// <summary>Translation completeness of the plan's official texts, for editors ("ar 12/18, en 3/18").</summary>
    public TranslationCoverage Coverage { get; init; } = TranslationCoverage.None;
    /// <summary>Per commitment: its own texts and its activities' titles.</summary>
    public IReadOnlyDictionary<Guid, TranslationCoverage> CommitmentCoverage { get; init; } = new Dictionary<Guid, TranslationCoverage>();
}

public sealed record ActionView(string Description, DateOnly? Start, DateOnly? End, bool IsAdditional);
public sealed record ActivityView(Guid Id, int Order, string Title, double Weight, DateOnly? PlannedStart, DateOnly? PlannedEnd,
    double Percent, bool IsCancelled, string? CancellationReason, string NotDone, string Difficulties, bool IsLate, IReadOnlyList<ActionView> Actions)
{
    public ProgressLevel Level => Progress.LevelOf(Percent);
    public LocalizedText TitleText { get; init; } = new(Title);
}
public sealed record CommunicationView(Guid Id, string Action, DateOnly? Date, string Audience, string Indicators);
public sealed record UpdateView(DateTime At, string UserId, string Kind, string Summary);
public sealed record RequestView(Guid Id, string AskedBy, string Question, DateTime AskedAt, string? Answer, string? AnsweredBy, DateTime? AnsweredAt, bool Overdue);

public sealed record CommitmentDetails(Guid Id, Guid PlanId, string PlanTitle, bool WeightsLocked, int Number, string Title, AxisRate Axis, string LeadAgency,
    string Problem, string Description, string Results, string HowAddressed, string NextSteps, DateTime? LastUpdatedAt,
    double Rate, IReadOnlyList<string> LeadIds, IReadOnlyList<ActivityView> Activities, IReadOnlyList<CommunicationView> CommunicationActions,
    Guid? SourceSheetId = null)
{
    public ProgressLevel Level => Progress.LevelOf(Rate);
    public LocalizedText PlanTitleText { get; init; } = new(PlanTitle);
    public LocalizedText TitleText { get; init; } = new(Title);
    public LocalizedText ProblemText { get; init; } = new(Problem);
    public LocalizedText DescriptionText { get; init; } = new(Description);
}

/// <summary>Read side of the tracking module: plan lists, dashboards, commitment pages, the API and the reports.</summary>
public sealed class PlanQueries(DbContext db, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Published plans, newest period first; administrators also see drafts.</summary>
    public Task<List<PlanListItem>> ListAsync(bool includeDrafts, CancellationToken ct = default)
        => db.Set<Plan>().AsNoTracking()
            .Where(p => includeDrafts || p.Status == PlanStatus.Published)
            .OrderByDescending(p => p.StartYear).ThenByDescending(p => p.CreatedAt)
            .Select(p => new PlanListItem(p.Id, p.Title, p.StartYear, p.EndYear, p.Status, p.PublishedAt,
                db.Set<Commitment>().Count(c => c.PlanId == p.Id)) { TitleText = new LocalizedText(p.Title, p.TitleAr, p.TitleEn) })
            .ToListAsync(ct);

    /// <summary>The plan's rates, or null when it does not exist (or is a draft and <paramref name="includeDrafts"/> is false).</summary>
    public async Task<PlanProgress?> ProgressAsync(Guid planId, bool includeDrafts, CancellationToken ct = default)
    {
        var plan = await db.Set<Plan>().AsNoTracking().Include(p => p.Axes).FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null || (!includeDrafts && plan.Status != PlanStatus.Published)) return null;
        var commitments = await db.Set<Commitment>().AsNoTracking().Where(c => c.PlanId == planId)
            .OrderBy(c => c.Number)
            .Select(c => new { c.Id, c.Number, c.Title, c.AxisId, c.LeadAgency, c.LastUpdatedAt, c.TitleAr, c.TitleEn, c.ContactName, c.ContactEmail, c.ContactCulture,
                c.Problem, c.ProblemAr, c.ProblemEn, c.Description, c.DescriptionAr, c.DescriptionEn })
            .ToListAsync(ct);
        // One query for every activity of the plan (no N+1), grouped in memory.
        var activities = await db.Set<Activity>().AsNoTracking()
            .Where(a => db.Set<Commitment>().Any(c => c.Id == a.CommitmentId && c.PlanId == planId))
            .Select(a => new { a.CommitmentId, a.Weight, a.Percent, a.IsCancelled, a.PlannedEnd, a.Title, a.TitleAr, a.TitleEn })
            .ToListAsync(ct);
        var byCommitment = activities.ToLookup(a => a.CommitmentId);
        var today = Today;
        var rates = commitments.Select(c => new CommitmentRate(c.Id, c.Number, c.Title, c.AxisId, c.LeadAgency,
            Progress.CommitmentRate(byCommitment[c.Id].Select(a => new ActivityProgress(a.Weight, a.Percent, a.IsCancelled))),
            byCommitment[c.Id].Count(a => Progress.IsLate(a.PlannedEnd, a.Percent, a.IsCancelled, today)),
            c.LastUpdatedAt) { TitleText = new LocalizedText(c.Title, c.TitleAr, c.TitleEn), ContactName = c.ContactName, ContactEmail = c.ContactEmail, ContactCulture = c.ContactCulture }).ToList();
        var commitmentCoverage = commitments.ToDictionary(c => c.Id, c => TranslationCoverage.Of(
            new[] { new LocalizedText(c.Title, c.TitleAr, c.TitleEn), new LocalizedText(c.Problem, c.ProblemAr, c.ProblemEn),
                new LocalizedText(c.Description, c.DescriptionAr, c.DescriptionEn) }
            .Concat(byCommitment[c.Id].Select(a => new LocalizedText(a.Title, a.TitleAr, a.TitleEn)))));
        var axes = plan.Axes.OrderBy(a => a.Order)
            .Select(a => new AxisRate(a.Id, a.Order, a.NameFr, a.NameAr, a.NameEn, Progress.Mean(rates.Where(r => r.AxisId == a.Id).Select(r => r.Rate))))
            .ToList();
        return new PlanProgress(plan.Id, plan.Title, plan.StartYear, plan.EndYear, plan.Status, plan.WeightsLocked,
            Progress.Mean(rates.Select(r => r.Rate)), axes, rates)
        {
            TitleText = plan.TitleText,
            ContextText = plan.ContextText,
            TrackingSystemText = plan.TrackingSystemText,
            CommitmentCoverage = commitmentCoverage,
            Coverage = commitmentCoverage.Values.Aggregate(
                TranslationCoverage.Of([plan.TitleText, plan.ContextText, plan.TrackingSystemText, .. axes.Select(a => a.NameText)]),
                (sum, c) => sum.Plus(c)),
        };
    }

    public async Task<CommitmentDetails?> CommitmentAsync(Guid commitmentId, bool includeDrafts, CancellationToken ct = default)
    {
        var c = await db.Set<Commitment>().AsNoTracking().AsSplitQuery()
            .Include(x => x.Activities).ThenInclude(a => a.Actions)
            .Include(x => x.CommunicationActions)
            .Include(x => x.Leads)
            .FirstOrDefaultAsync(x => x.Id == commitmentId, ct);
        if (c is null) return null;
        var plan = await db.Set<Plan>().AsNoTracking().Include(p => p.Axes).FirstAsync(p => p.Id == c.PlanId, ct);
        if (!includeDrafts && plan.Status != PlanStatus.Published) return null;
        var axis = plan.Axes.First(a => a.Id == c.AxisId);
        var today = Today;
        var activities = c.Activities.OrderBy(a => a.Order).Select(a => ToView(a, today)).ToList();
        var comms = c.CommunicationActions.OrderBy(x => x.Date ?? DateOnly.MaxValue)
            .Select(x => new CommunicationView(x.Id, x.Action, x.Date, x.Audience, x.Indicators)).ToList();
        return new CommitmentDetails(c.Id, plan.Id, plan.Title, plan.WeightsLocked, c.Number, c.Title,
            new AxisRate(axis.Id, axis.Order, axis.NameFr, axis.NameAr, axis.NameEn, 0), c.LeadAgency, c.Problem, c.Description,
            c.Results, c.HowAddressed, c.NextSteps, c.LastUpdatedAt, c.Rate(), c.Leads.Select(l => l.UserId).ToList(), activities, comms, c.SourceSheetId)
        {
            PlanTitleText = plan.TitleText,
            TitleText = c.TitleText,
            ProblemText = c.ProblemText,
            DescriptionText = c.DescriptionText,
        };
    }

    /// <summary>Commitments matching <paramref name="filter"/>, in published plans unless drafts are included, latest plan first.</summary>
    private Task<CommitmentRef?> FirstRefAsync(System.Linq.Expressions.Expression<Func<Commitment, bool>> filter, bool includeDrafts, CancellationToken ct)
        => (from c in db.Set<Commitment>().AsNoTracking().Where(filter)
            join p in db.Set<Plan>() on c.PlanId equals p.Id
            where includeDrafts || p.Status == PlanStatus.Published
            orderby p.StartYear descending, c.Number
            select new CommitmentRef(c.Id, p.Id, p.Title, c.Number, c.Title, c.SourceSheetId)
            {
                TitleText = new LocalizedText(c.Title, c.TitleAr, c.TitleEn), PlanTitleText = new LocalizedText(p.Title, p.TitleAr, p.TitleEn),
            }).FirstOrDefaultAsync(ct);

    /// <summary>The commitment of a published plan adopted from this commitment sheet (the latest plan's, if several), or null.</summary>
    public Task<CommitmentRef?> AdoptedFromSheetAsync(Guid sheetId, CancellationToken ct = default)
        => FirstRefAsync(c => c.SourceSheetId == sheetId, includeDrafts: false, ct);

    public Task<CommitmentRef?> CommitmentRefAsync(Guid commitmentId, bool includeDrafts, CancellationToken ct = default)
        => FirstRefAsync(c => c.Id == commitmentId, includeDrafts, ct);

    /// <summary>One activity and its commitment, for the activity's public page; null when unknown or in a draft plan.</summary>
    public async Task<ActivityPage?> ActivityAsync(Guid activityId, bool includeDrafts, CancellationToken ct = default)
    {
        var a = await db.Set<Activity>().AsNoTracking().Include(x => x.Actions).FirstOrDefaultAsync(x => x.Id == activityId, ct);
        if (a is null) return null;
        var commitment = await CommitmentRefAsync(a.CommitmentId, includeDrafts, ct);
        return commitment is null ? null : new ActivityPage(ToView(a, Today), commitment);
    }

    private static ActivityView ToView(Activity a, DateOnly today) => new(a.Id, a.Order, a.Title, a.Weight, a.PlannedStart, a.PlannedEnd,
        a.Percent, a.IsCancelled, a.CancellationReason, a.NotDone, a.Difficulties, Progress.IsLate(a.PlannedEnd, a.Percent, a.IsCancelled, today),
        a.Actions.OrderBy(x => x.Start ?? DateOnly.MinValue).Select(x => new ActionView(x.Description, x.Start, x.End, x.IsAdditional)).ToList())
        { TitleText = a.TitleText };

    /// <summary>The latest history entries of a commitment, newest first.</summary>
    public Task<List<UpdateView>> HistoryAsync(Guid commitmentId, int take, CancellationToken ct = default)
        => db.Set<CommitmentUpdate>().AsNoTracking().Where(u => u.CommitmentId == commitmentId)
            .OrderByDescending(u => u.At).Take(take)
            .Select(u => new UpdateView(u.At, u.UserId, u.Kind, u.Summary)).ToListAsync(ct);

    /// <summary>Commitments a user may report on: their own, or all of them for an administrator.</summary>
    public Task<List<CommitmentRate>> EditableAsync(string userId, bool isAdministrator, CancellationToken ct = default)
        => db.Set<Commitment>().AsNoTracking()
            .Where(c => isAdministrator || c.Leads.Any(l => l.UserId == userId))
            .OrderBy(c => c.PlanId).ThenBy(c => c.Number)
            .Select(c => new CommitmentRate(c.Id, c.Number, c.Title, c.AxisId, c.LeadAgency, 0,
                c.Activities.Count(a => !a.IsCancelled && a.PlannedEnd != null && a.PlannedEnd < Today && a.Percent < 90), c.LastUpdatedAt)
                { TitleText = new LocalizedText(c.Title, c.TitleAr, c.TitleEn) })
            .ToListAsync(ct);

    /// <summary>The whole plan as a file (JSON export, and the report's source).</summary>
    public async Task<PlanFile?> ExportAsync(Guid planId, bool includeDrafts, CancellationToken ct = default)
    {
        var plan = await db.Set<Plan>().AsNoTracking().Include(p => p.Axes).FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null || (!includeDrafts && plan.Status != PlanStatus.Published)) return null;
        var commitments = await db.Set<Commitment>().AsNoTracking().AsSplitQuery().Where(c => c.PlanId == planId)
            .Include(x => x.Activities).ThenInclude(a => a.Actions).Include(x => x.CommunicationActions)
            .OrderBy(c => c.Number).ToListAsync(ct);
        return new PlanFile(plan.Id, plan.Title, plan.StartYear, plan.EndYear, plan.ContextMarkdown, plan.TrackingSystemMarkdown,
            plan.Axes.OrderBy(a => a.Order).Select(a => new AxisFile(a.Id.ToString(), a.NameFr, a.NameAr, a.NameEn,
                commitments.Where(c => c.AxisId == a.Id).Select(c => new CommitmentFile(c.Number, c.Title, c.LeadAgency, c.Problem, c.Description,
                    c.Results, c.HowAddressed, c.NextSteps, c.Rate(), null,
                    c.Activities.OrderBy(x => x.Order).Select(x => new ActivityFile(x.Title, x.Weight, x.Percent, x.IsCancelled, x.CancellationReason,
                        x.PlannedStart, x.PlannedEnd, x.Actions.Where(y => !y.IsAdditional).Select(y => y.Description).ToList(),
                        x.NotDone.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(), x.Difficulties,
                        // Actions not in the adopted plan, apart so the report and the export can mark them.
                        x.Actions.Where(y => y.IsAdditional).Select(y => y.Description).ToList())).ToList(),
                    c.CommunicationActions.OrderBy(x => x.Date ?? DateOnly.MaxValue).Select(x => new CommunicationFile(x.Action, x.Date, x.Audience, x.Indicators)).ToList(),
                    c.TitleAr, c.TitleEn))
                    .ToList())).ToList(), plan.TitleAr, plan.TitleEn);
    }
}
