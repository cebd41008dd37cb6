using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using OpenGov.Consultation;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Outbox;
using OpenGov.Tracking;
using OpenGov.Web;
using OpenGov.Web.Data;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure;
using OpenGov.Web.Infrastructure.Caching;
using OpenGov.Web.Infrastructure.Demo;
using OpenGov.Web.Infrastructure.Errors;
using OpenGov.Web.Infrastructure.Jobs;

using OpenGov.Web.Infrastructure.Mail;
using OpenGov.Web.Infrastructure.Markdown;
using OpenGov.Web.Infrastructure.Web;
using OpenGov.Web.Localization;
using OpenGov.Web.Security;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;
var services = builder.Services;
builder.AddPublicAddress();

// ---- persistence and modules -------------------------------------------------------------
services.AddSingleton(TimeProvider.System);
services.AddOpenGovPersistence();
services.AddScoped<IAuditLog, AuditLog>();
services.AddScoped<IOutbox, Outbox>();
services.AddScoped<OpenGov.SharedKernel.Search.ISearchIndex, OpenGov.SharedKernel.Search.SearchIndex>();
services.AddConsultation(o => config.GetSection("Consultation").Bind(o));
services.AddTracking(o => config.GetSection("Tracking").Bind(o));
services.Configure<OpenGov.Consultation.Standards.StandardsOptions>(config.GetSection("Standards"));
services.AddOpenGovWeb(config);
services.AddPageCaching(config);
// Arabic and French text rendered as characters, not as &#x...; entities.
services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

// ---- identity ------------------------------------------------------------------------------
services.AddIdentity<AppUser, IdentityRole>(o =>
    {
        o.User.RequireUniqueEmail = true;
        o.SignIn.RequireConfirmedEmail = true;
        // ASVS L2: length matters, composition rules do not (PasswordPolicyValidator adds max length and the common list).
        o.Password.RequiredLength = PasswordPolicyValidator.MinLength;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 1;
        o.Lockout.AllowedForNewUsers = false; // no lockout: see LoginThrottle
    })
    .AddEntityFrameworkStores<AppDbContext>()
    .AddDefaultTokenProviders()
    .AddSignInManager<AppSignInManager>()
    .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
    .AddPasswordValidator<PasswordPolicyValidator>();
// A blocked user's sessions end within a minute of the block (the block rotates the security stamp).
services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/account/login";
    o.LogoutPath = "/account/logout";
    o.AccessDeniedPath = "/account/access-denied";
    o.Cookie.Name = "opengov.auth";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Lax;
    o.SlidingExpiration = true;
    o.ExpireTimeSpan = TimeSpan.FromHours(8);
});
services.AddAuthorization(o =>
{
    o.AddPolicy(Policies.Administrator, p => p.RequireRole(Roles.Administrator));
    o.AddPolicy(Policies.Moderator, p => p.RequireRole(Roles.Moderator, Roles.Administrator));
    o.AddPolicy(Policies.CommitteeMember, p => p.RequireRole(Roles.CommitteeMember, Roles.Administrator));
    o.AddPolicy(Policies.AdministrationEditor, p => p.RequireRole(Roles.AdministrationEditor, Roles.Administrator));
    o.AddPolicy(Policies.Facilitator, p => p.RequireRole(Roles.Facilitator, Roles.Administrator));
});

// ---- data protection: keys in the database, shared by every instance -------------------------
services.AddOpenGovDataProtection(config);

// ---- web -------------------------------------------------------------------------------------
services.AddLocalization(o => o.ResourcesPath = "Resources");
services.Configure<RequestLocalizationOptions>(Cultures.Configure);
services.AddRouting(o => o.LowercaseUrls = true);
services.AddRazorPages(o =>
    {
        o.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
        o.Conventions.AuthorizeFolder("/Account/Manage");
    })
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
services.AddRequestErrors();
services.AddAntiforgery(o => o.Cookie.Name = "opengov.af");
services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
services.AddHsts(o => { o.MaxAge = TimeSpan.FromDays(365); o.IncludeSubDomains = true; });
builder.AddHttpHardening();

var app = builder.Build();

// ---- operator commands: `migrate`, `create-admin` --------------------------------------------
if (await OperatorCommands.TryRunAsync(app, args)) return;

// Migrations, roles, jobs storage and demo data, under a database lock: instances may start together.
await Persistence.PrepareAsync(app.Services, app.Logger);

// ---- pipeline --------------------------------------------------------------------------------
app.UseForwardedHeaders();
// Before the error pages, so that a re-executed 404/500 keeps the visitor's language.
app.UseRequestLocalization();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
    if (HttpHardening.HttpsPort(app.Configuration) is not null) app.UseHttpsRedirection();
}
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseRequestErrors();
app.UseSecurityHeaders();
app.UseCookiePolicy();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
// After authentication: signed-in users are limited per account, visitors per address.
app.UseRateLimiter();
app.UseAuthorization();
app.UsePageCaching();
app.UseJobsDashboard();
app.MapHealthChecks("/health");
app.MapRazorPages();
app.MapOpenGovEndpoints();

await app.RunAsync();

/// <summary>Exposed for WebApplicationFactory in the integration tests.</summary>
public partial class Program;
