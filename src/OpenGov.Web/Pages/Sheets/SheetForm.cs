using OpenGov.Web.Security;
using OpenGov.Consultation.Sheets;

namespace OpenGov.Web.Pages.Sheets;

public sealed class ActivityRow
{
    public Guid? Id { get; set; }
    public string? Deliverable { get; set; }
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
}

public sealed class IndicatorRow
{
    public Guid? Id { get; set; }
    [SingleLine] public string? Name { get; set; }
    public string? Baseline { get; set; }
    public string? Target { get; set; }
}

/// <summary>The edit form of a sheet: the template's fields, with blank rows to add activities and indicators.</summary>
public sealed class SheetForm
{
    public const int BlankRows = 3;

    [SingleLine] public string? Title { get; set; }
    public string? ProjectLead { get; set; }
    public string? GovernmentActors { get; set; }
    public string? CivilSocietyActors { get; set; }
    public string? Problem { get; set; }
    public string? StatusQuo { get; set; }
    public string? Commitment { get; set; }
    public string? HowItSolves { get; set; }
    public bool Transparency { get; set; }
    public bool Participation { get; set; }
    public bool Accountability { get; set; }
    public bool Inclusion { get; set; }
    public string? ValuesRelevance { get; set; }
    public List<ActivityRow> Activities { get; set; } = [];
    public List<IndicatorRow> Indicators { get; set; } = [];
    public List<Guid> ProposalIds { get; set; } = [];

    public static SheetForm From(SheetContent c) => new()
    {
        Title = c.Title, ProjectLead = c.ProjectLead, GovernmentActors = c.GovernmentActors, CivilSocietyActors = c.CivilSocietyActors,
        Problem = c.Problem, StatusQuo = c.StatusQuo, Commitment = c.Commitment, HowItSolves = c.HowItSolves,
        Transparency = c.Transparency, Participation = c.Participation, Accountability = c.Accountability, Inclusion = c.Inclusion,
        ValuesRelevance = c.ValuesRelevance,
        Activities = c.Activities.Select(a => new ActivityRow { Id = a.Id, Deliverable = a.Deliverable, Start = a.Start, End = a.End }).ToList(),
        Indicators = c.Indicators.Select(i => new IndicatorRow { Id = i.Id, Name = i.Name, Baseline = i.Baseline, Target = i.Target }).ToList(),
        ProposalIds = c.ProposalIds.ToList(),
    };

    public void AddBlankRows()
    {
        for (var i = 0; i < BlankRows; i++) Activities.Add(new ActivityRow());
        for (var i = 0; i < 2; i++) Indicators.Add(new IndicatorRow());
    }

    /// <summary>The content to save. Rows left blank are dropped; an id the draft does not know becomes a new activity
    /// (so a forged id cannot hijack comments of another activity).</summary>
    public SheetContent ToContent(SheetContent? current)
    {
        var known = current?.Activities.Select(a => a.Id).ToHashSet() ?? [];
        var knownIndicators = current?.Indicators.Select(i => i.Id).ToHashSet() ?? [];
        return new SheetContent(Title ?? "", ProjectLead ?? "", GovernmentActors ?? "", CivilSocietyActors ?? "", Problem ?? "", StatusQuo ?? "",
            Commitment ?? "", HowItSolves ?? "", Transparency, Participation, Accountability, Inclusion, ValuesRelevance ?? "",
            Activities.Where(a => !string.IsNullOrWhiteSpace(a.Deliverable))
                .Select(a => new SheetActivity(a.Id is { } id && known.Remove(id) ? id : Guid.NewGuid(), a.Deliverable!, a.Start, a.End)).ToList(),
            Indicators.Where(i => !string.IsNullOrWhiteSpace(i.Name))
                .Select(i => new SheetIndicator(i.Id is { } id && knownIndicators.Remove(id) ? id : Guid.NewGuid(), i.Name!, i.Baseline ?? "", i.Target ?? "")).ToList(),
            ProposalIds);
    }
}
