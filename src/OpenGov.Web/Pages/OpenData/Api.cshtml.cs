using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGov.Web.Api;

namespace OpenGov.Web.Pages.OpenData;

/// <summary>The browsable API reference: every operation of the OpenAPI document, rendered on the server.</summary>
public sealed class ApiModel(ApiReference reference) : PageModel
{
    public IReadOnlyList<ApiOperationView> Operations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Operations = await reference.OperationsAsync(ct);
}
