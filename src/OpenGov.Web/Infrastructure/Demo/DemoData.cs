using Microsoft.AspNetCore.Identity;
using OpenGov.SharedKernel.Demo;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Infrastructure.Demo;

public sealed class DemoOptions
{
    /// <summary>Seeds demo accounts and data. Refused in the Production environment.</summary>
    public bool Enabled { get; set; }
    /// <summary>The shared password of the demo accounts (printed at start).</summary>
    public string Password { get; set; } = "demo-opengov-2026";
}

public static class DemoData
{
    public static readonly IReadOnlyList<(string Role, string Email, string Name, string? Organisation)> Accounts =
    [
        (Roles.Citizen, "citoyen@demo.opengov.ma", "Samira Citoyenne", null),
        (Roles.AssociationMember, "association@demo.opengov.ma", "Karim Associatif", "Transparency Maroc"),
        (Roles.AdministrationEditor, "administration@demo.opengov.ma", "Nadia Administration", "Ministère de la Transition Numérique et de la Réforme de l'Administration"),
        (Roles.Moderator, "moderateur@demo.opengov.ma", "Youssef Modérateur", null),
        (Roles.CommitteeMember, "comite@demo.opengov.ma", "Amal Comité", "Comité de pilotage"),
        (Roles.Facilitator, "animateur@demo.opengov.ma", "Leila Animatrice", "Ateliers régionaux"),
        (Roles.Administrator, "admin@demo.opengov.ma", "Admin OpenGov", null),
    ];

    /// <summary>Roles exist in every environment.</summary>
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }

    public static async Task SeedAsync(IServiceProvider services, ILogger logger, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var env = sp.GetRequiredService<IHostEnvironment>();
        if (env.IsProduction())
            throw new InvalidOperationException("Demo mode is refused in the Production environment.");
        var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DemoOptions>>().Value;
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var clock = sp.GetRequiredService<TimeProvider>();

        async Task<string> EnsureUser(string email, string displayName, string? organisation)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is not null) return user.Id;
            user = new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName,
                Organisation = organisation, CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            var result = await users.CreateAsync(user, options.Password);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, Roles.Citizen);
            return user.Id;
        }

        var ids = new Dictionary<string, string>();
        foreach (var (role, email, name, org) in Accounts)
        {
            var id = await EnsureUser(email, name, org);
            var user = await users.FindByIdAsync(id);
            if (!await users.IsInRoleAsync(user!, role)) await users.AddToRoleAsync(user!, role);
            ids[role] = id;
        }

        var context = new DemoContext
        {
            UserIdsByRole = ids,
            EnsureUserAsync = (email, name, org) => EnsureUser(email, name, org),
        };
        foreach (var seeder in sp.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
            await seeder.SeedAsync(context, ct);

        logger.LogWarning("DEMO MODE: demo accounts (password '{Password}'): {Accounts}", options.Password,
            string.Join(", ", Accounts.Select(a => $"{a.Role}={a.Email}")));
        Console.WriteLine("OpenGov demo accounts (password: " + options.Password + ")");
        foreach (var a in Accounts) Console.WriteLine($"  {a.Role,-22} {a.Email}");
    }
}
