using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using OpenGov.SharedKernel.Text;

namespace OpenGov.Web.Security;

/// <summary>Form-side twin of <see cref="SingleLineText"/>: a title or name with a line break is refused on the form,
/// with a localized message (DomainErrors "SingleLine", the message entities raise too) and the input kept.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class SingleLineAttribute : ValidationAttribute
{
    public SingleLineAttribute() => ErrorMessage = SingleLineText.MessageKey;

    public override bool IsValid(object? value) => value is not string s || SingleLineText.IsValid(s);

    // Localized here: MVC only localizes attributes that have a client-side adapter.
    protected override ValidationResult? IsValid(object? value, ValidationContext context)
        => IsValid(value) ? ValidationResult.Success
            : new ValidationResult(context.GetService(typeof(IStringLocalizer<DomainErrors>)) is IStringLocalizer<DomainErrors> text
                ? text[SingleLineText.MessageKey].Value : ErrorMessageString, context.MemberName is { } m ? [m] : null);
}
