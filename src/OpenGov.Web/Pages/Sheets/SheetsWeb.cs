using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Sheets;
using OpenGov.SharedKernel.Demo;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Pages.Sheets;

/// <summary>Web-side registrations of the sheets feature (one line in WebServices).</summary>
public static class SheetsWeb
{
    public static IServiceCollection AddSheetsWeb(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<IDemoSeeder, SheetEditorRolesDemoSeeder>();
        return services;
    }

    public static string Display(DateTime? utc) => utc is { } d ? d.ToString("g", System.Globalization.CultureInfo.CurrentCulture) + " UTC" : "—";
}

/// <summary>Demo editors linked to an agency by the sheets seeder get the AdministrationEditor role (Identity lives in Web).</summary>
internal sealed class SheetEditorRolesDemoSeeder(DbContext db, UserManager<AppUser> users) : IDemoSeeder
{
    public int Order => 31;

    public async Task SeedAsync(DemoContext context, CancellationToken ct)
    {
        var ids = await db.Set<AgencyEditor>().Select(e => e.UserId).Distinct().ToListAsync(ct);
        foreach (var id in ids)
        {
            var user = await users.FindByIdAsync(id);
            if (user is not null && !await users.IsInRoleAsync(user, Roles.AdministrationEditor))
                await users.AddToRoleAsync(user, Roles.AdministrationEditor);
        }
    }
}
