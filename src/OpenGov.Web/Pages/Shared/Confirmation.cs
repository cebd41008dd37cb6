using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace OpenGov.Web.Pages.Shared;

/// <summary>The server side of the confirmation step (partial _ConfirmCheck): a destructive action posted without the
/// ticked box is refused with the localized "Confirm.Required" message as a form error.</summary>
public static class Confirmation
{
    public static bool Given(bool confirm, ModelStateDictionary modelState, IServiceProvider services)
    {
        if (confirm) return true;
        modelState.AddModelError("", services.GetRequiredService<IStringLocalizer<SharedResource>>()["Confirm.Required"]);
        return false;
    }
}
