using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace OpenGov.Web.Infrastructure.Web;

/// <summary>
/// Every field bound with <c>asp-for</c> that has a model error is marked <c>aria-invalid="true"</c> and described by its
/// message (the <c>asp-validation-for</c> span, whose id <see cref="FieldErrorIdTagHelper"/> sets), so screen readers
/// announce the error with the field (WCAG 3.3.1). Runs after the built-in input, select and textarea tag helpers.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class InvalidFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")] public ModelExpression For { get; set; } = null!;

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    public override int Order => 100;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (!ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) || entry.Errors.Count == 0) return;
        if (output.Attributes["type"]?.Value?.ToString() == "hidden") return;
        output.Attributes.SetAttribute("aria-invalid", "true");
        var errorId = FieldErrorIdTagHelper.IdFor(name);
        var described = output.Attributes["aria-describedby"]?.Value?.ToString();
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(described) ? errorId : described + " " + errorId);
    }
}
