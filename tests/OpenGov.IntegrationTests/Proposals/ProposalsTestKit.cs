using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Proposals;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.Web.Data;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Proposals;

/// <summary>Helpers for the proposal tests: cycles open at the test clock, proposals in a given state, and clients signed in
/// with a real Identity cookie (issued by the app's own cookie handler format), independent of the account pages.</summary>
public static class ProposalsTestKit
{
    public static async Task<(HttpClient Client, string UserId)> UserAsync(this OpenGovFactory app, params string[] roles)
    {
        var email = $"p{Guid.NewGuid():N}"[..20] + "@test.opengov.ma";
        var id = await app.CreateUserAsync(email, roles);
        return (await app.ClientForAsync(id), id);
    }

    public static async Task<HttpClient> ClientForAsync(this OpenGovFactory app, string userId)
    {
        var (name, value) = await app.AuthCookieAsync(userId);
        var cookies = new CookieContainer();
        cookies.Add(new Uri("http://localhost"), new Cookie(name, value));
        return app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
    }

    /// <summary>The Identity application cookie of a signed-in session of <paramref name="userId"/>.</summary>
    public static Task<(string Name, string Value)> AuthCookieAsync(this OpenGovFactory app, string userId)
        => app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var factory = sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
            var principal = await factory.CreateAsync((await users.FindByIdAsync(userId))!);
            var options = sp.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
            var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = app.Clock.GetUtcNow() }, IdentityConstants.ApplicationScheme);
            return (options.Cookie.Name!, options.TicketDataFormat.Protect(ticket));
        });

    /// <summary>A cycle whose collection phase is open at the test clock (from a day before to 30 days after).</summary>
    public static Task<(Guid CycleId, Guid AxisId)> OpenCycleAsync(this OpenGovFactory app) => app.WithDbAsync(async db =>
    {
        var now = app.Clock.UtcNow;
        var cycle = new Cycle(Guid.NewGuid(), "Test cycle " + Guid.NewGuid().ToString("N")[..6], "", 2027, 2029, now);
        var axis = cycle.AddAxis("axis", "Axe", "محور", "Axis");
        cycle.SetPhase(PhaseKind.ProposalCollection, now.AddDays(-1), now.AddDays(30));
        cycle.SetPhase(PhaseKind.Prioritisation, now.AddDays(30), now.AddDays(60));
        db.Add(cycle);
        await db.SaveChangesAsync();
        return (cycle.Id, axis.Id);
    });

    /// <summary>A proposal by <paramref name="authorId"/> through the real use cases, published unless said otherwise.</summary>
    public static Task<Guid> ProposalAsync(this OpenGovFactory app, Guid cycleId, Guid axisId, string authorId, string title,
        string? body = null, bool publish = true, bool submit = true) => app.WithScopeAsync(async sp =>
    {
        var id = await sp.GetRequiredService<ProposalSubmission>().CreateAsync(new Actor(authorId, "Author " + authorId[..4]),
            new ProposalInput(cycleId, title, body ?? "Problème " + title, "Solution " + title, axisId, "national", "Impact", SubmitterType.Citizen, null),
            submit, false);
        if (publish) await sp.GetRequiredService<ProposalModeration>().PublishAsync("moderator", id);
        return id;
    });

    public static Task<Proposal> LoadProposalAsync(this OpenGovFactory app, Guid id)
        => app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Set<Proposal>(), p => p.Id == id));

}
