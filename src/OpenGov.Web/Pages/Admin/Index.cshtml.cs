using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenGov.SharedKernel;
using OpenGov.SharedKernel.Numbers;
using OpenGov.Web.Infrastructure.Charts;
using OpenGov.Web.Infrastructure.Dashboard;

namespace OpenGov.Web.Pages.Admin;

/// <summary>The operator's dashboard (Administrator policy by folder convention): participation, responses, moderation, mail and jobs.</summary>
public sealed class IndexModel(OperatorDashboard dashboard, IStringLocalizer<AdminText> text, IStringLocalizer<ProposalsText> proposals,
    SiteDates dates) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Cycle { get; set; }

    public OperatorFigures Figures { get; private set; } = null!;
    public Chart? PerWeek { get; private set; }
    public Chart? ByType { get; private set; }
    public Chart? ByAxis { get; private set; }
    public IReadOnlyList<(string Code, string Name, int Value)> ByRegion { get; private set; } = [];
    public Percentage? Coverage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Figures = await dashboard.LoadAsync(Cycle, ct);
        if (Figures.Cycle is not { } cycle || Figures.Figures is not { } f) return;
        var culture = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        PerWeek = new Chart("chart-weeks", text["Dashboard.PerWeek"], ChartKind.Line,
            Figures.PerWeek.Select(w => new ChartPoint(dates.Date(w.WeekStart), w.Count)).ToList(), text["Dashboard.Week"], text["Dashboard.Ideas"]);
        ByType = new Chart("chart-types", text["Dashboard.BySubmitterType"], ChartKind.Bars,
            f.BySubmitterType.OrderByDescending(t => t.Count).Select(t => new ChartPoint(proposals["Submitter." + t.Key], t.Count)).ToList(),
            text["Dashboard.SubmitterType"], text["Dashboard.Ideas"]);
        ByAxis = new Chart("chart-axes", text["Dashboard.ByAxis"], ChartKind.Bars,
            cycle.Axes.OrderBy(a => a.Order).Select(a => new ChartPoint(a.Name(culture), f.ByAxis.FirstOrDefault(x => x.Key == a.Id)?.Count ?? 0)).ToList(),
            text["Dashboard.Axis"], text["Dashboard.Ideas"]);
        ByRegion = Regions.All.Select(r => (r, (string)proposals["Region." + r], f.ByRegion.FirstOrDefault(x => x.Key == r)?.Count ?? 0)).ToList();
        if (Figures.Coverage is { Total: > 0 } c) Coverage = Percentage.Of(c.Answered, c.Total);
    }
}
