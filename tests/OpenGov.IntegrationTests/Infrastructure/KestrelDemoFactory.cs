namespace OpenGov.IntegrationTests.Infrastructure;

/// <summary>The Kestrel app seeded with the demo data; the demo accounts take the tests' password, so browser tests sign
/// them in through the login page like any user.</summary>
public sealed class KestrelDemoFactory : KestrelSqliteFactory
{
    protected override IDictionary<string, string?> ExtraSettings
    {
        get
        {
            var settings = base.ExtraSettings;
            settings["Demo:Enabled"] = "true";
            settings["Demo:Password"] = Password;
            return settings;
        }
    }
}
