using OpenGov.Web.Api;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure.Demo;
using OpenGov.Web.Infrastructure.Mail;
using OpenGov.Web.Infrastructure.Markdown;
using OpenGov.Web.Infrastructure.Tracking;

namespace OpenGov.Web.Infrastructure;

/// <summary>Web-side services. Features add their registrations in their own files under Infrastructure/Features.</summary>
public static class WebServices
{
    public static IServiceCollection AddOpenGovWeb(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<MailOptions>(config.GetSection("Mail"));
        services.Configure<DemoOptions>(config.GetSection("Demo"));
        services.Configure<SiteOptions>(config.GetSection("Site"));
        services.AddSingleton<IMarkdownRenderer>(sp => new MarkdownRenderer(sp.GetRequiredService<OpenGov.SharedKernel.Links.SiteLinks>()));
        services.AddSingleton(sp => new HtmlSafety(sp.GetRequiredService<OpenGov.SharedKernel.Links.SiteLinks>()));
        services.AddSingleton<IMailSender, MailKitSender>();
        Jobs.JobServer.AddOpenGovJobs(services, config);
        services.AddIdentityFeature();
        Notifications.NotificationsServices.AddOpenGovNotifications(services, config);
        Api.PublicSiteServices.AddPublicSite(services, config);
        services.AddTrackingWeb();
        services.AddScoped<Traceability.TraceChain>();
        services.AddScoped<Dashboard.OperatorDashboard>();
        services.AddScoped<ReportLabels>();
        services.AddScoped<StandardsLabels>();
        services.AddSingleton<SiteDates>();
        services.Configure<OpenGov.Consultation.Reports.ReportExportOptions>(config.GetSection("Reports"));
        services.AddScoped<Documents.ReportExportJob>();
        services.AddScoped<OpenGov.SharedKernel.Jobs.IRecurringJob, Documents.ReportExportPurge>();
        // Shared-kernel read and admin use cases that only Web pages call.
        services.AddScoped<OpenGov.SharedKernel.Auditing.AuditQueries>();
        services.AddScoped<OpenGov.SharedKernel.Text.TranslationFreshness>();
        services.AddScoped<OpenGov.SharedKernel.Outbox.OutboxAdministration>();
        services.AddScoped<OpenGov.SharedKernel.Jobs.JobRunQueries>();
        return services;
    }

    /// <summary>Non-page endpoints (APIs, downloads). Features map theirs here.</summary>
    public static IEndpointRouteBuilder MapOpenGovEndpoints(this IEndpointRouteBuilder endpoints)
    {
        Api.OpenGovApi.MapOpenGovApi(endpoints);
        // The plan exports and progress are open data: limited like the API, errors as problem+json (a group with no prefix carries both).
        endpoints.MapGroup("").RequireRateLimiting(Api.PublicSiteServices.ApiRateLimit).WithProblemResponses().MapTrackingEndpoints();
        return endpoints;
    }
}

public sealed class SiteOptions
{
    public string Name { get; set; } = "OpenGov";

    /// <summary>The IANA zone every date and time is shown in (<see cref="SiteDates"/>) and typed in (event and sheet forms).</summary>
    public string TimeZone { get; set; } = DefaultTimeZone;

    public const string DefaultTimeZone = OpenGov.Consultation.Events.Event.DefaultTimeZone;
}
