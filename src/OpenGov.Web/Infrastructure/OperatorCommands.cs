using Microsoft.AspNetCore.Identity;
using OpenGov.Web.Identity;

namespace OpenGov.Web.Infrastructure;

/// <summary>
/// Commands for operators, run as `dotnet OpenGov.Web.dll migrate` or `... create-admin email "Display Name"`.
/// create-admin reads the password from OPENGOV_ADMIN_PASSWORD or standard input, never from the command line.
/// </summary>
public static class OperatorCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0) return false;
        switch (args[0])
        {
            case "migrate":
                await Persistence.WithStartupLockAsync(app.Services, async () =>
                {
                    await Persistence.MigrateAsync(app.Services);
                    await Demo.DemoData.EnsureRolesAsync(app.Services);
                });
                Console.WriteLine("Database migrated.");
                return true;
            case "create-admin":
                Environment.ExitCode = await CreateAdminAsync(app.Services, args.Skip(1).ToArray(), ReadPassword);
                return true;
            default:
                return false;
        }
    }

    private static string? ReadPassword()
    {
        var password = Environment.GetEnvironmentVariable("OPENGOV_ADMIN_PASSWORD");
        if (!string.IsNullOrEmpty(password)) return password;
        Console.Error.Write("Password: ");
        return Console.ReadLine();
    }

    /// <summary>Internal so tests can run it against the app's services with a given password source.</summary>
    internal static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args, Func<string?> readPassword)
    {
        if (args.Length < 1 || !args[0].Contains('@'))
        {
            Console.Error.WriteLine("usage: create-admin <email> [display name]   (password from OPENGOV_ADMIN_PASSWORD or stdin)");
            return 2;
        }
        var password = readPassword();
        await Persistence.WithStartupLockAsync(services, async () =>
        {
            await Persistence.MigrateAsync(services);
            await Demo.DemoData.EnsureRolesAsync(services);
        });
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var audit = scope.ServiceProvider.GetRequiredService<SharedKernel.Auditing.IAuditLog>();
        var db = scope.ServiceProvider.GetRequiredService<Data.AppDbContext>();
        var user = await users.FindByEmailAsync(args[0]);
        if (user is null)
        {
            user = new AppUser
            {
                UserName = args[0], Email = args[0], EmailConfirmed = true,
                DisplayName = args.Length > 1 ? args[1] : "Administrator", CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user, password ?? "");
            if (!created.Succeeded)
            {
                foreach (var e in created.Errors) Console.Error.WriteLine(e.Description);
                return 1;
            }
            await users.AddToRoleAsync(user, Roles.Citizen);
        }
        if (!await users.IsInRoleAsync(user, Roles.Administrator))
        {
            await users.AddToRoleAsync(user, Roles.Administrator);
            audit.Record(null, "role.granted", "user", user.Id, $"{Roles.Administrator} (create-admin command)");
            await db.SaveChangesAsync();
        }
        Console.WriteLine($"{args[0]} is an administrator.");
        return 0;
    }
}
