namespace OpenGov.Web.Identity;

/// <summary>Registers the account and user-administration use cases.</summary>
public static class IdentityFeature
{
    public static IServiceCollection AddIdentityFeature(this IServiceCollection services)
    {
        services.AddScoped<AccountMails>();
        services.AddScoped<AccountRegistration>();
        services.AddMemoryCache();
        services.AddSingleton<OpenGov.Web.Security.LoginThrottle>();
        services.AddSingleton<OpenGov.Web.Security.EqualWork>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<AccountBlocking>();
        services.AddScoped<Security.AuditTrail>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<OpenGov.Consultation.Associations.ICommunityContacts, IdentityCommunityContacts>();
        services.AddScoped<OpenGov.SharedKernel.Demo.IDemoSeeder, SheetEditorRolesDemoSeeder>();
        return services;
    }
}
