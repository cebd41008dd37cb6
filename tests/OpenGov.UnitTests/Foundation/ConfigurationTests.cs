using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure;
using OpenGov.Web.Infrastructure.Demo;
using OpenGov.Web.Localization;
using OpenGov.Web.Security;

namespace OpenGov.UnitTests.Foundation;

public class ConfigurationTests
{
    private static IConfiguration Config(params (string Key, string? Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();

    private sealed class Env(string root, string name = "Development") : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "OpenGov.Web";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    [InlineData("sqlite", DatabaseProvider.Sqlite)]
    [InlineData("Postgres", DatabaseProvider.Postgres)]
    [InlineData("POSTGRES", DatabaseProvider.Postgres)]
    [InlineData("SqlServer", DatabaseProvider.SqlServer)]
    [InlineData("sqlserver", DatabaseProvider.SqlServer)]
    public void Provider_is_parsed_case_insensitively_with_sqlite_by_default(string? value, DatabaseProvider expected) =>
        Assert.Equal(expected, Persistence.Provider(Config(("Database:Provider", value))));

    [Fact]
    public void An_unknown_provider_is_refused_with_a_clear_message()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Persistence.Provider(Config(("Database:Provider", "Oracle"))));
        Assert.Contains("Oracle", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => Persistence.PostgresConnectionString(Config(("Database:Provider", "Postgres"))));

    [Fact]
    public void Default_sqlite_database_lives_in_a_data_folder_created_under_the_content_root()
    {
        var root = Path.Combine(Path.GetTempPath(), "opengov-unit", Guid.NewGuid().ToString("N"));
        try
        {
            var cs = Persistence.SqliteConnectionString(Config(), new Env(root));
            Assert.Contains(Path.Combine(root, "data", "opengov.db"), cs, StringComparison.Ordinal);
            Assert.True(Directory.Exists(Path.Combine(root, "data")));

            var relative = Persistence.SqliteConnectionString(Config(("ConnectionStrings:OpenGov", "Data Source=db/site.db")), new Env(root));
            Assert.Contains(Path.Combine(root, "db", "site.db"), relative, StringComparison.Ordinal);
            Assert.True(Directory.Exists(Path.Combine(root, "db")));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Cultures_are_french_first_then_arabic_right_to_left_and_english()
    {
        Assert.Equal(["fr", "ar", "en"], Cultures.Supported);
        var options = new RequestLocalizationOptions();
        Cultures.Configure(options);
        Assert.Equal("fr", options.DefaultRequestCulture.UICulture.Name);
        var arabic = options.SupportedUICultures!.Single(c => c.Name == "ar");
        Assert.True(Cultures.IsRightToLeft(arabic));
        Assert.IsType<System.Globalization.GregorianCalendar>(arabic.DateTimeFormat.Calendar);
        Assert.False(Cultures.IsRightToLeft(options.SupportedUICultures!.Single(c => c.Name == "fr")));
    }

    [Fact]
    public async Task Demo_seeding_is_refused_in_production()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new Env(Path.GetTempPath(), Environments.Production));
        await using var sp = services.BuildServiceProvider();
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => DemoData.SeedAsync(sp, NullLogger.Instance));
        Assert.Contains("Production", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_role_of_the_issue_exists_and_demo_accounts_cover_them_all()
    {
        Assert.Equal(["Citizen", "AssociationMember", "AdministrationEditor", "Moderator", "CommitteeMember", "Facilitator", "Administrator"], Roles.All);
        Assert.Equal(Roles.All.Order(), DemoData.Accounts.Select(a => a.Role).Order());
    }
}

public class PasswordPolicyValidatorTests
{
    private static async Task<string[]> ErrorsAsync(string password, string email = "leila@example.ma")
    {
        var validator = new PasswordPolicyValidator();
        var result = await validator.ValidateAsync(null!, new AppUser { Email = email }, password);
        return result.Errors.Select(e => e.Code).ToArray();
    }

    [Fact]
    public async Task A_long_passphrase_passes() => Assert.Empty(await ErrorsAsync("le soleil se lève sur Rabat"));

    [Fact]
    public async Task Exactly_128_characters_pass_and_129_do_not()
    {
        var p128 = string.Concat(Enumerable.Range(0, 16).Select(i => $"mot{i:D2}-x ")).Substring(0, 128);
        Assert.Equal(128, p128.Length);
        Assert.Empty(await ErrorsAsync(p128));
        Assert.Equal(["PasswordTooLong"], await ErrorsAsync(p128 + "z"));
    }

    [Fact]
    public async Task Common_passwords_and_the_mailbox_name_are_refused()
    {
        Assert.Equal(["PasswordTooCommon"], await ErrorsAsync("motdepasse123"));
        Assert.Equal(["PasswordContainsEmail"], await ErrorsAsync("leila pour toujours 2026"));
    }

    [Fact]
    public void Minimum_is_twelve_without_composition_rules() => Assert.Equal((12, 128), (PasswordPolicyValidator.MinLength, PasswordPolicyValidator.MaxLength));
}
