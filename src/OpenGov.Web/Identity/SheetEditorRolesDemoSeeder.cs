using Microsoft.AspNetCore.Identity;
using OpenGov.Consultation.Sheets;
using OpenGov.SharedKernel.Demo;

namespace OpenGov.Web.Identity;

/// <summary>Demo editors linked to an agency by the sheets seeder get the AdministrationEditor role (Identity lives in Web).</summary>
internal sealed class SheetEditorRolesDemoSeeder(SheetQueries sheets, UserManager<AppUser> users) : IDemoSeeder
{
    public int Order => 31;

    public async Task SeedAsync(DemoContext context, CancellationToken ct)
    {
        var ids = (await sheets.EditorLinksAsync(ct)).Select(e => e.UserId).Distinct().ToList();
        foreach (var id in ids)
        {
            var user = await users.FindByIdAsync(id);
            if (user is not null && !await users.IsInRoleAsync(user, Roles.AdministrationEditor))
                await users.AddToRoleAsync(user, Roles.AdministrationEditor);
        }
    }
}
