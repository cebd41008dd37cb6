using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace OpenGov.Web.Infrastructure.Charts;

/// <summary>
/// The one home for charts: server-rendered SVG (no script, no inline style: presentation attributes only, so the CSP
/// holds), with a title and description for assistive technologies and a &lt;title&gt; per mark. Right-to-left pages get
/// mirrored charts: labels on the right, bars growing leftwards, time running from right to left.
/// Use through the <c>_Chart</c> partial, which adds the table that is the chart's text equivalent.
/// </summary>
public static class SvgChart
{
    private const int Width = 640;
    private const int LabelWidth = 200;
    private const int RowHeight = 26;
    private const string Bar = "#0d6efd";
    private const string Ink = "#212529";
    private const string Grid = "#adb5bd";

    public static IHtmlContent Render(Chart chart, bool rtl) => new HtmlString(chart.Kind == ChartKind.Line ? Line(chart, rtl) : Bars(chart, rtl));

    private static string Num(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string E(string s) => HtmlEncoder.Default.Encode(s);

    private static StringBuilder Open(Chart chart, int height, bool rtl)
    {
        var sb = new StringBuilder();
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" ")
          .Append($"direction=\"{(rtl ? "rtl" : "ltr")}\" aria-labelledby=\"{E(chart.Id)}-t {E(chart.Id)}-d\" data-testid=\"chart-svg\">")
          .Append($"<title id=\"{E(chart.Id)}-t\">{E(chart.Title)}</title>")
          .Append($"<desc id=\"{E(chart.Id)}-d\">{E(string.Join(" ; ", chart.Points.Select(p => $"{p.Label} : {p.Text}")))}</desc>");
        return sb;
    }

    private static string Bars(Chart chart, bool rtl)
    {
        var points = chart.Points;
        var height = Math.Max(1, points.Count) * RowHeight + 8;
        var max = chart.Max ?? Math.Max(1, points.Count == 0 ? 1 : points.Max(p => p.Value));
        var span = Width - LabelWidth - 70;
        var sb = Open(chart, height, rtl);
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var y = 4 + i * RowHeight;
            var w = Math.Max(0, Math.Min(1, p.Value / max)) * span;
            // text-anchor "end" is the label's side facing the bars, in both directions (direction is set on the root).
            var labelX = rtl ? Width - LabelWidth + 10 : LabelWidth - 10;
            var barX = rtl ? Width - LabelWidth - w : LabelWidth;
            var valueX = rtl ? Width - LabelWidth - w - 6 : LabelWidth + w + 6;
            sb.Append("<g><title>").Append(E($"{p.Label} : {p.Text}")).Append("</title>")
              .Append($"<text x=\"{Num(labelX)}\" y=\"{y + 17}\" text-anchor=\"end\" font-size=\"13\" fill=\"{Ink}\">{E(Shorten(p.Label))}</text>")
              .Append($"<rect x=\"{Num(barX)}\" y=\"{y + 3}\" width=\"{Num(w)}\" height=\"{RowHeight - 8}\" rx=\"2\" fill=\"{Bar}\"/>")
              .Append($"<text x=\"{Num(valueX)}\" y=\"{y + 17}\" text-anchor=\"start\" font-size=\"13\" fill=\"{Ink}\">{E(p.Text)}</text></g>");
        }
        return sb.Append("</svg>").ToString();
    }

    private static string Line(Chart chart, bool rtl)
    {
        const int height = 220, left = 40, right = 16, top = 12, bottom = 40;
        var points = chart.Points;
        var max = chart.Max ?? Math.Max(1, points.Count == 0 ? 1 : points.Max(p => p.Value));
        var plotW = Width - left - right;
        var plotH = height - top - bottom;
        double X(int i) { var x = left + (points.Count <= 1 ? plotW / 2.0 : plotW * i / (double)(points.Count - 1)); return rtl ? Width - x : x; }
        double Y(double v) => top + plotH - Math.Max(0, Math.Min(1, v / max)) * plotH;
        var sb = Open(chart, height, rtl);
        var axisX = rtl ? Width - left : left;
        sb.Append($"<line x1=\"{axisX}\" y1=\"{top}\" x2=\"{axisX}\" y2=\"{top + plotH}\" stroke=\"{Grid}\"/>")
          .Append($"<line x1=\"{left}\" y1=\"{top + plotH}\" x2=\"{Width - right}\" y2=\"{top + plotH}\" stroke=\"{Grid}\"/>")
          .Append($"<text x=\"{Num(rtl ? Width - left + 6 : left - 6)}\" y=\"{top + 10}\" text-anchor=\"end\" font-size=\"12\" fill=\"{Ink}\">{E(Num(max))}</text>")
          .Append($"<text x=\"{Num(rtl ? Width - left + 6 : left - 6)}\" y=\"{top + plotH}\" text-anchor=\"end\" font-size=\"12\" fill=\"{Ink}\">0</text>");
        if (points.Count > 0)
        {
            sb.Append($"<polyline fill=\"none\" stroke=\"{Bar}\" stroke-width=\"2\" points=\"")
              .Append(string.Join(' ', points.Select((p, i) => $"{Num(X(i))},{Num(Y(p.Value))}"))).Append("\"/>");
            // At most about 8 labels along the time axis; every point keeps its dot and its <title>.
            var step = Math.Max(1, (int)Math.Ceiling(points.Count / 8.0));
            for (var i = 0; i < points.Count; i++)
            {
                var p = points[i];
                sb.Append("<g><title>").Append(E($"{p.Label} : {p.Text}")).Append("</title>")
                  .Append($"<circle cx=\"{Num(X(i))}\" cy=\"{Num(Y(p.Value))}\" r=\"4\" fill=\"{Bar}\"/></g>");
                if (i % step == 0 || i == points.Count - 1)
                    sb.Append($"<text x=\"{Num(X(i))}\" y=\"{height - 18}\" text-anchor=\"middle\" font-size=\"11\" fill=\"{Ink}\">{E(p.Label)}</text>");
            }
        }
        return sb.Append("</svg>").ToString();
    }

    private static string Shorten(string s) => s.Length <= 28 ? s : s[..27] + "…";
}
