using Microsoft.Extensions.Localization;
using OpenGov.SharedKernel.Errors;

namespace OpenGov.Web.Infrastructure.Errors;

/// <summary>The one translation of a <see cref="DomainException"/> into the visitor's language (Resources/DomainErrors*.resx).
/// Arguments that are "Field.x" keys are translated too, so messages never show a C# name.</summary>
public sealed class DomainErrorText(IStringLocalizer<DomainErrors> text)
{
    /// <summary>For pages that report a refusal after a redirect (a notice) rather than on the form.</summary>
    public static string For(HttpContext http, DomainException e) => http.RequestServices.GetRequiredService<DomainErrorText>().For(e);

    public string For(DomainException e)
    {
        var args = e.Args.Select(a => a is string s && s.StartsWith("Field.", StringComparison.Ordinal) ? text[s].Value : a).ToArray();
        var message = text[e.Key, args];
        return message.ResourceNotFound ? text["Invalid"] : message.Value;
    }
}
