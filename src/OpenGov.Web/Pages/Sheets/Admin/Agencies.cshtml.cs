using OpenGov.Web.Security;
using OpenGov.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Sheets;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Sheets.Admin;

public sealed record EditorRow(Guid AgencyId, string UserId, string Name, string Email);

/// <summary>Administrators manage the agencies and link AdministrationEditor accounts to them (linking grants the role).</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class AgenciesModel(SheetQueries queries, SheetAdministration admin, UserManager<AppUser> users,
    Microsoft.Extensions.Localization.IStringLocalizer<SheetsText> L) : PageModel, IRedisplayPage
{
    public IReadOnlyList<AgencyRef> Agencies { get; private set; } = [];
    public IReadOnlyList<EditorRow> Editors { get; private set; } = [];
    [BindProperty, SingleLine] public string? Name { get; set; }
    [BindProperty, SingleLine] public string? Acronym { get; set; }
    [BindProperty] public Guid AgencyId { get; set; }
    [BindProperty] public string? Email { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        await admin.CreateAgencyAsync(users.GetUserId(User)!, Name ?? "", Acronym);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostLinkAsync()
    {
        var user = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByEmailAsync(Email.Trim());
        if (user is null)
        {
            ModelState.AddModelError(nameof(Email), L["Agencies.UnknownEmail"]);
            await LoadAsync();
            return Page();
        }
        await admin.LinkEditorAsync(users.GetUserId(User)!, AgencyId, user.Id);
        if (!await users.IsInRoleAsync(user, Roles.AdministrationEditor)) await users.AddToRoleAsync(user, Roles.AdministrationEditor);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnlinkAsync(Guid agencyId, string userId)
    {
        await admin.UnlinkEditorAsync(users.GetUserId(User)!, agencyId, userId);
        return RedirectToPage();
    }

    public async Task<IActionResult> RedisplayAsync()
    {
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Agencies = await queries.AgenciesAsync();
        var links = await queries.EditorLinksAsync();
        var ids = links.Select(l => l.UserId).Distinct().ToList();
        var people = await users.Users.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync();
        Editors = links.Join(people, l => l.UserId, p => p.Id, (l, p) => new EditorRow(l.AgencyId, p.Id, p.DisplayName, p.Email ?? "")).ToList();
    }
}
