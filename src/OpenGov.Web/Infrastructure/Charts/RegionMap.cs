using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace OpenGov.Web.Infrastructure.Charts;

/// <summary>
/// A schematic map of Morocco's 12 regions (simple tiles placed roughly where each region lies, north at the top), shaded by
/// a figure, each region with a &lt;title&gt; naming it and its figure. Part of the chart component: the page shows the same
/// figures in a table beside it (the text equivalent).
/// </summary>
public static class RegionMap
{
    // x, y, width, height in a 360 × 520 box.
    private static readonly IReadOnlyDictionary<string, (int X, int Y, int W, int H)> Tiles = new Dictionary<string, (int, int, int, int)>
    {
        ["tanger-tetouan-al-hoceima"] = (190, 8, 110, 50),
        ["oriental"] = (302, 60, 56, 115),
        ["rabat-sale-kenitra"] = (150, 60, 78, 48),
        ["fes-meknes"] = (230, 60, 70, 68),
        ["casablanca-settat"] = (110, 110, 88, 48),
        ["beni-mellal-khenifra"] = (200, 130, 80, 48),
        ["marrakech-safi"] = (80, 160, 98, 58),
        ["draa-tafilalet"] = (182, 180, 150, 68),
        ["souss-massa"] = (70, 220, 108, 53),
        ["guelmim-oued-noun"] = (40, 275, 120, 53),
        ["laayoune-sakia-el-hamra"] = (20, 330, 130, 78),
        ["dakhla-oued-eddahab"] = (0, 410, 110, 100),
    };

    private static readonly string[] Shades = ["#e7f1ff", "#b6d4fe", "#6ea8fe", "#0d6efd", "#0a58ca"];

    /// <param name="regions">Each region's code, display name and figure; codes other than the 12 regions are ignored.</param>
    public static IHtmlContent Render(string id, string title, IReadOnlyList<(string Code, string Name, int Value)> regions)
    {
        var max = Math.Max(1, regions.Where(r => Tiles.ContainsKey(r.Code)).Select(r => r.Value).DefaultIfEmpty(0).Max());
        var e = HtmlEncoder.Default;
        var sb = new StringBuilder();
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart region-map\" viewBox=\"0 0 360 520\" role=\"img\" aria-labelledby=\"{e.Encode(id)}-t\" data-testid=\"region-map\">")
          .Append($"<title id=\"{e.Encode(id)}-t\">{e.Encode(title)}</title>");
        foreach (var (code, tile) in Tiles)
        {
            var r = regions.FirstOrDefault(x => x.Code == code);
            var value = r.Code is null ? 0 : r.Value;
            var name = r.Name ?? code;
            var level = value == 0 ? 0 : 1 + (int)Math.Min(3, Math.Floor(3.999 * value / max));
            var ink = level >= 3 ? "#ffffff" : "#212529";
            var v = value.ToString(CultureInfo.CurrentCulture);
            sb.Append($"<g data-region=\"{e.Encode(code)}\"><title>{e.Encode($"{name} : {v}")}</title>")
              .Append($"<rect x=\"{tile.X}\" y=\"{tile.Y}\" width=\"{tile.W}\" height=\"{tile.H}\" rx=\"6\" fill=\"{Shades[level]}\" stroke=\"#ffffff\" stroke-width=\"2\"/>")
              .Append($"<text x=\"{tile.X + tile.W / 2}\" y=\"{tile.Y + tile.H / 2 + 5}\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\" fill=\"{ink}\">{e.Encode(v)}</text></g>");
        }
        return new HtmlString(sb.Append("</svg>").ToString());
    }
}
