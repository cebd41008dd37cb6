namespace OpenGov.Web.Infrastructure.Charts;

public enum ChartKind
{
    /// <summary>Horizontal bars, one per point (categories: regions, axes, commitments).</summary>
    Bars,
    /// <summary>A line through the points in order (a series over time).</summary>
    Line,
}
