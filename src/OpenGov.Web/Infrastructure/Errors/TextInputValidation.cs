using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.Extensions.Localization;
using OpenGov.SharedKernel.Text;

namespace OpenGov.Web.Infrastructure.Errors;

/// <summary>
/// Every text the site's forms bind is checked once here, before any handler: text longer than UserText.MaxLength, Markdown
/// nested deeper than UserText.MaxDepth (the renderer's limit) and control characters (form feed, NUL: they break XML exports and PostgreSQL) are a form error in the
/// visitor's language instead of a 500 later.
/// </summary>
public sealed class TextInputValidation(IStringLocalizerFactory factory) : IModelValidatorProvider
{
    public void CreateValidators(ModelValidatorProviderContext context)
    {
        var m = context.ModelMetadata;
        if (m.ModelType != typeof(string)) return;
        // The site's input models and handler parameters; framework types keep their own rules.
        if (m.ContainerType?.Assembly != typeof(TextInputValidation).Assembly && m.MetadataKind != Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.ModelMetadataKind.Parameter) return;
        context.Results.Add(new ValidatorItem { Validator = new Validator(factory.Create(typeof(SharedResource))), IsReusable = true });
    }

    private sealed class Validator(IStringLocalizer text) : IModelValidator
    {
        public IEnumerable<ModelValidationResult> Validate(ModelValidationContext context)
        {
            if (context.Model is not string value) return [];
            if (UserText.HasControlCharacters(value)) return [new ModelValidationResult("", text["Validation.ControlCharacters"])];
            if (UserText.IsTooLong(value)) return [new ModelValidationResult("", text["Validation.TextTooLong", UserText.MaxLength])];
            if (UserText.IsTooDeeplyNested(value)) return [new ModelValidationResult("", text["Validation.TooDeep"])];
            return [];
        }
    }
}
