using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace OpenGov.Web.Infrastructure.Errors;

/// <summary>
/// Every framework validation message in the visitor's language (keys "Validation.*" of SharedResource) naming the field by
/// its visible label: model-binding messages, DataAnnotations attributes without their own message (the implicit [Required]
/// of non-nullable strings included), and a "Field.{Name}" label for inputs without [Display].
/// </summary>
public sealed class ValidationMessages(IStringLocalizerFactory factory) : IPostConfigureOptions<MvcOptions>
{
    private static readonly Dictionary<Type, string> Keys = new()
    {
        [typeof(RequiredAttribute)] = "Validation.Required",
        [typeof(StringLengthAttribute)] = "Validation.StringLength",
        [typeof(MaxLengthAttribute)] = "Validation.MaxLength",
        [typeof(MinLengthAttribute)] = "Validation.MinLength",
        [typeof(RangeAttribute)] = "Validation.Range",
        [typeof(EmailAddressAttribute)] = "Validation.Email",
        [typeof(UrlAttribute)] = "Validation.Url",
        [typeof(PhoneAttribute)] = "Validation.Invalid",
        [typeof(RegularExpressionAttribute)] = "Validation.Invalid",
        [typeof(CompareAttribute)] = "Validation.Compare",
    };

    /// <summary>After every other set-up, so the implicit [Required] of value types is already among the attributes.</summary>
    public void PostConfigure(string? name, MvcOptions options)
    {
        var text = factory.Create(typeof(SharedResource));
        var m = options.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((value, field) => text["Validation.ValueInvalidFor", value, field]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["Validation.ValueInvalid", value]);
        m.SetValueIsInvalidAccessor(value => text["Validation.ValueInvalid", value]);
        m.SetUnknownValueIsInvalidAccessor(field => text["Validation.InvalidFor", field]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Validation.Invalid"]);
        m.SetValueMustBeANumberAccessor(field => text["Validation.NumberFor", field]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => text["Validation.Number"]);
        m.SetValueMustNotBeNullAccessor(field => text["Validation.Required", field]);
        m.SetMissingBindRequiredValueAccessor(field => text["Validation.Required", field]);
        m.SetMissingKeyOrValueAccessor(() => text["Validation.Invalid"]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => text["Validation.Invalid"]);
        options.ModelMetadataDetailsProviders.Add(new Provider(text));
        options.ModelValidatorProviders.Add(new TextInputValidation(factory));
    }

    private sealed class Provider(IStringLocalizer text) : IValidationMetadataProvider, IDisplayMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            // A non-nullable value type is implicitly required; the client adapter would otherwise make its own English
            // [Required], so the site's inputs get an explicit one carrying the localized key.
            var type = context.Key.ModelType;
            if (type.IsValueType && Nullable.GetUnderlyingType(type) is null && context.Key.Name is not null
                && !context.ValidationMetadata.ValidatorMetadata.OfType<RequiredAttribute>().Any()
                && (context.Key.ContainerType?.Assembly == typeof(ValidationMessages).Assembly))
                context.ValidationMetadata.ValidatorMetadata.Add(new RequiredAttribute { ErrorMessage = "Validation.Required" });
            foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
                if (attribute.ErrorMessage is null && attribute.ErrorMessageResourceName is null
                    && Keys.TryGetValue(attribute.GetType(), out var key))
                    attribute.ErrorMessage = key;
        }

        public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
        {
            if (context.DisplayMetadata.DisplayName is not null || context.Key.Name is not { } name) return;
            if (context.Attributes.OfType<DisplayAttribute>().Any(d => d.Name is not null)) return;
            // Only the site's own inputs: framework types keep their metadata.
            if (context.Key.ContainerType?.Assembly != typeof(ValidationMessages).Assembly
                && context.Key.ParameterInfo?.Member.DeclaringType?.Assembly != typeof(ValidationMessages).Assembly) return;
            var key = "Field." + char.ToUpperInvariant(name[0]) + name[1..];
            context.DisplayMetadata.DisplayName = () => text[key] is { ResourceNotFound: false } label ? label.Value : text["Field.Generic"].Value;
        }
    }
}
