using OpenGov.Web.Security;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OpenGov.Consultation.Associations;
using OpenGov.Web.Infrastructure.Web;

namespace OpenGov.Web.Pages.Associations;

[Authorize]
[EnableRateLimiting(RateLimits.Submit)]
public sealed class RegisterModel(AssociationRegister register, CommunityThemes themes) : CommunityPageModel
{
    [BindProperty] public RegisterInput Input { get; set; } = new();
    public IReadOnlyList<ThemeOption> Themes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Themes = await themes.CurrentAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Themes = await themes.CurrentAsync(ct);
        if (!ModelState.IsValid) return Page();
        return await AttemptAsync(Need.SignedIn, async () =>
        {
            var id = await register.RegisterAsync(RequiredUserId, new AssociationInput(Input.Name, Input.Acronym, Input.Region,
                Input.Themes, Input.Website, Input.PublicContact, Input.Description ?? ""), ct);
            TempData["Flash"] = "Associations.Registered";
            return Redirect($"/associations/{id}");
        }, () => Task.FromResult<IActionResult>(Page()));
    }

    public sealed class RegisterInput
    {
        [Required, StringLength(300, MinimumLength = 2), SingleLine] public string Name { get; set; } = "";
        [StringLength(50), SingleLine] public string? Acronym { get; set; }
        [Required] public string Region { get; set; } = OpenGov.SharedKernel.Regions.National;
        public List<string> Themes { get; set; } = [];
        [StringLength(500), Url] public string? Website { get; set; }
        [StringLength(300)] public string? PublicContact { get; set; }
        [StringLength(10000)] public string? Description { get; set; }
    }
}
