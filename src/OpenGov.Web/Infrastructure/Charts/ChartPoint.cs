namespace OpenGov.Web.Infrastructure.Charts;

/// <summary>One data point: its label, its value, and how the value is written (defaults to the number).</summary>
public sealed record ChartPoint(string Label, double Value, string? Display = null)
{
    public string Text => Display ?? Value.ToString("0.##", System.Globalization.CultureInfo.CurrentCulture);
}
