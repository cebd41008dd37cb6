using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace OpenGov.Web.Infrastructure.Web;

/// <summary>Gives each <c>asp-validation-for</c> message a stable id ("{field id}-error") that the invalid field points to
/// with <c>aria-describedby</c> (see <see cref="InvalidFieldTagHelper"/>).</summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
[HtmlTargetElement("div", Attributes = "asp-validation-for")]
public sealed class FieldErrorIdTagHelper : TagHelper
{
    [HtmlAttributeName("asp-validation-for")] public ModelExpression For { get; set; } = null!;

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    public override int Order => 100;

    public static string IdFor(string fullFieldName) => TagBuilder.CreateSanitizedId(fullFieldName, "_") + "-error";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes.ContainsName("id")) return;
        output.Attributes.SetAttribute("id", IdFor(ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name)));
    }
}
