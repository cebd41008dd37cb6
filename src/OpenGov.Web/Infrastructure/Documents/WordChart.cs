using DocumentFormat.OpenXml;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace OpenGov.Web.Infrastructure.Documents;

/// <summary>
/// A native Word bar chart (a chart part with c:barChart) whose data are literals, so no embedded workbook is needed;
/// Word and LibreOffice draw it from these values.
/// </summary>
internal static class WordChart
{
    private const uint CategoryAxis = 48650112;
    private const uint ValueAxis = 48672768;

    public static C.ChartSpace Bar(string title, string series, IReadOnlyList<(string Label, double Value)> points, bool rightToLeft)
    {
        var categories = new C.StringLiteral(new C.PointCount { Val = (uint)points.Count });
        var values = new C.NumberLiteral(new C.FormatCode("General"), new C.PointCount { Val = (uint)points.Count });
        for (var i = 0; i < points.Count; i++)
        {
            categories.Append(new C.StringPoint(new C.NumericValue(SharedKernel.Text.UserText.ForXml(points[i].Label))) { Index = (uint)i });
            values.Append(new C.NumericPoint(new C.NumericValue(points[i].Value.ToString(System.Globalization.CultureInfo.InvariantCulture))) { Index = (uint)i });
        }
        var bar = new C.BarChart(
            new C.BarDirection { Val = C.BarDirectionValues.Bar },
            new C.BarGrouping { Val = C.BarGroupingValues.Clustered },
            new C.VaryColors { Val = false },
            new C.BarChartSeries(
                new C.Index { Val = 0 }, new C.Order { Val = 0 },
                new C.SeriesText(new C.NumericValue(SharedKernel.Text.UserText.ForXml(series))),
                new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = "4472C4" })),
                new C.InvertIfNegative { Val = false },
                new C.DataLabels(new C.ShowLegendKey { Val = false }, new C.ShowValue { Val = true }, new C.ShowCategoryName { Val = false },
                    new C.ShowSeriesName { Val = false }, new C.ShowPercent { Val = false }, new C.ShowBubbleSize { Val = false }),
                new C.CategoryAxisData(categories),
                new C.Values(values)),
            new C.GapWidth { Val = 80 },
            new C.AxisId { Val = CategoryAxis },
            new C.AxisId { Val = ValueAxis });
        var plot = new C.PlotArea(new C.Layout(), bar,
            new C.CategoryAxis(new C.AxisId { Val = CategoryAxis },
                // Categories read from the top (and from the right in Arabic).
                new C.Scaling(new C.Orientation { Val = C.OrientationValues.MaxMin }),
                new C.Delete { Val = false }, new C.AxisPosition { Val = rightToLeft ? C.AxisPositionValues.Right : C.AxisPositionValues.Left },
                new C.MajorTickMark { Val = C.TickMarkValues.None }, new C.MinorTickMark { Val = C.TickMarkValues.None },
                new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                new C.CrossingAxis { Val = ValueAxis }, new C.Crosses { Val = C.CrossesValues.AutoZero },
                new C.AutoLabeled { Val = true }, new C.LabelAlignment { Val = C.LabelAlignmentValues.Center }, new C.LabelOffset { Val = 100 }),
            new C.ValueAxis(new C.AxisId { Val = ValueAxis },
                new C.Scaling(new C.Orientation { Val = rightToLeft ? C.OrientationValues.MaxMin : C.OrientationValues.MinMax }),
                new C.Delete { Val = false }, new C.AxisPosition { Val = C.AxisPositionValues.Top },
                new C.MajorGridlines(), new C.NumberingFormat { FormatCode = "General", SourceLinked = false },
                new C.MajorTickMark { Val = C.TickMarkValues.None }, new C.MinorTickMark { Val = C.TickMarkValues.None },
                new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                new C.CrossingAxis { Val = CategoryAxis }, new C.Crosses { Val = C.CrossesValues.AutoZero },
                new C.CrossBetween { Val = C.CrossBetweenValues.Between }));
        var chart = new C.Chart(
            new C.Title(new C.ChartText(new C.RichText(new A.BodyProperties(), new A.ListStyle(),
                new A.Paragraph(new A.Run(new A.RunProperties { Language = "fr-FR", FontSize = 1200, Bold = true }, new A.Text(SharedKernel.Text.UserText.ForXml(title)))))),
                new C.Overlay { Val = false }),
            new C.AutoTitleDeleted { Val = false },
            plot,
            new C.PlotVisibleOnly { Val = true },
            new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap });
        var space = new C.ChartSpace(new C.EditingLanguage { Val = "fr-FR" }, new C.RoundedCorners { Val = false }, chart);
        space.AddNamespaceDeclaration("c", "http://schemas.openxmlformats.org/drawingml/2006/chart");
        space.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        space.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        return space;
    }

    /// <summary>The inline drawing that shows the chart part in a paragraph: full text width, taller with more bars.</summary>
    public static DocumentFormat.OpenXml.Wordprocessing.Drawing Inline(string relationshipId, uint id, string title, int bars)
    {
        const long width = 5760720; // 16 cm in EMU
        var height = Math.Min(9000000L, 900000L + bars * 300000L);
        return new DocumentFormat.OpenXml.Wordprocessing.Drawing(new DW.Inline(
            new DW.Extent { Cx = width, Cy = height },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = id, Name = "Chart " + id, Description = SharedKernel.Text.UserText.ForXml(title) },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = relationshipId })
                { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 });
    }
}
