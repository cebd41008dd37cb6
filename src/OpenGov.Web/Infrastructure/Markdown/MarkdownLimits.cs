using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.Extensions.Localization;

namespace OpenGov.Web.Infrastructure.Markdown;

/// <summary>
/// The one rule for text that may be rendered as Markdown: at most <see cref="MaxLength"/> characters and
/// <see cref="MaxDepth"/> nested elements (quotes in lists in emphasis...). Deeper text makes Markdig and the HTML
/// parser recurse for nothing a reader needs; forms refuse it with a message (<see cref="MarkdownLimitsValidatorProvider"/>),
/// the renderer shows older text beyond it as plain text.
/// </summary>
public static class MarkdownLimits
{
    public const int MaxLength = 100_000;
    public const int MaxDepth = 32;

    public const string TooLongKey = "Validation.TextTooLong";
    public const string TooDeepKey = "Validation.TextTooDeep";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml().UseEmphasisExtras().UsePipeTables().UseAutoLinks().UseListExtras().UseTaskLists().Build();

    /// <summary>Null when <paramref name="text"/> is within the limits, else the resource key of the message.</summary>
    public static string? Check(string? text, MarkdownPipeline? pipeline = null)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Length > MaxLength) return TooLongKey;
        if (text.Length <= MaxDepth) return null; // every level of nesting takes at least one character
        try
        {
            return Depth(Markdig.Markdown.Parse(text, pipeline ?? Pipeline)) > MaxDepth ? TooDeepKey : null;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or InsufficientExecutionStackException)
        {
            return TooDeepKey; // Markdig's own nesting guard
        }
    }

    /// <summary>The deepest nesting of blocks and inlines, walked without recursion.</summary>
    private static int Depth(MarkdownDocument document)
    {
        var max = 0;
        var stack = new Stack<(MarkdownObject Node, int Depth)>();
        stack.Push((document, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > max && (max = depth) > MaxDepth) return max;
            switch (node)
            {
                case ContainerBlock container:
                    foreach (var child in container) stack.Push((child, depth + 1));
                    break;
                case LeafBlock { Inline: { } inline }:
                    stack.Push((inline, depth));
                    break;
                case ContainerInline inlines:
                    foreach (var child in inlines) stack.Push((child, depth + 1));
                    break;
            }
        }
        return max;
    }
}

/// <summary>Adds the <see cref="MarkdownLimits"/> check to every bound string (form fields, handler arguments), so a
/// form shows the message beside the field instead of failing on render. One place for the rule: no attribute to forget.</summary>
public sealed class MarkdownLimitsValidatorProvider(IStringLocalizerFactory localizers) : IModelValidatorProvider
{
    public void CreateValidators(ModelValidatorProviderContext context)
    {
        if (context.ModelMetadata.ModelType != typeof(string)) return;
        context.Results.Add(new ValidatorItem { Validator = new Validator(localizers), IsReusable = true });
    }

    private sealed class Validator(IStringLocalizerFactory localizers) : IModelValidator
    {
        public IEnumerable<ModelValidationResult> Validate(ModelValidationContext context)
        {
            if (MarkdownLimits.Check(context.Model as string) is not { } key) return [];
            var message = localizers.Create(typeof(SharedResource))[key, MarkdownLimits.MaxLength];
            return [new ModelValidationResult("", message)];
        }
    }
}
