namespace OpenGov.Web.Infrastructure.Charts;

/// <summary>
/// A chart as the shared partial <c>_Chart</c> renders it: the SVG drawn by <see cref="SvgChart"/> and, under it, the same
/// figures as a table (the text equivalent). <paramref name="Max"/> fixes the scale (e.g. 100 for rates), else the largest value.
/// </summary>
public sealed record Chart(string Id, string Title, ChartKind Kind, IReadOnlyList<ChartPoint> Points, string LabelHeader, string ValueHeader,
    double? Max = null);
