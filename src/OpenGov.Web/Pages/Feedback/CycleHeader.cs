using System.Globalization;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Feedback;

namespace OpenGov.Web.Pages.Feedback;

public sealed record AxisOption(Guid Id, string Name);

/// <summary>The cycle's title and axes, in the visitor's language, for the feedback and report pages' headings and filters.</summary>
public sealed record CycleHeader(Guid Id, string Title, IReadOnlyList<AxisOption> Axes)
{
    public static async Task<CycleHeader?> LoadAsync(CycleQueries cycles, Guid id, CancellationToken ct = default)
    {
        var cycle = await cycles.HeadingAsync(id, ct);
        if (cycle is null) return null;
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return new CycleHeader(cycle.Id, cycle.Title, cycle.Axes.Select(a => new AxisOption(a.Id, a.Name(culture))).ToList());
    }

    public string AxisName(Guid id) => Axes.FirstOrDefault(a => a.Id == id)?.Name ?? "";
}

/// <summary>The filter as bound from the query string (?axis=&amp;region=&amp;state=).</summary>
public sealed class FeedbackFilterInput
{
    public Guid? Axis { get; set; }
    public string? Region { get; set; }
    public string? State { get; set; }

    public FeedbackFilter ToFilter() => new(Axis, SharedKernel.Regions.IsValid(Region) ? Region : null, string.IsNullOrWhiteSpace(State) ? null : State);

    public Dictionary<string, string> RouteValues(string? cursor = null)
    {
        var d = new Dictionary<string, string>();
        if (Axis is not null) d["axis"] = Axis.Value.ToString();
        if (!string.IsNullOrEmpty(Region)) d["region"] = Region;
        if (!string.IsNullOrEmpty(State)) d["state"] = State;
        if (cursor is not null) d["cursor"] = cursor;
        return d;
    }

    public string QueryString(string? cursor = null)
        => "?" + string.Join("&", RouteValues(cursor).Select(kv => kv.Key + "=" + Uri.EscapeDataString(kv.Value)));
}
