using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.SharedKernel.Auditing;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Foundation;

/// <summary>Role-protected administration: who may enter, role changes with their audit trail, the audit viewer.</summary>
public abstract class AdminTests(OpenGovFactory app)
{
    public static TheoryData<string> AdminPages => ["/admin", "/admin/users", "/admin/audit"];

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Anonymous_visitors_are_sent_to_the_login_page(string url)
    {
        var response = await app.CreateBrowserlikeClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Citizens_and_moderators_are_denied(string url)
    {
        foreach (var role in new[] { Roles.Citizen, Roles.Moderator })
        {
            var (client, _) = await app.SignedInClientAsync(role);
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var location = response.Headers.Location!.PathAndQuery();
            Assert.StartsWith("/account/access-denied", location, StringComparison.Ordinal);
            var denied = await client.GetAsync(location);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
            Assert.Contains("Accès refusé", await denied.ReadTextAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Administrators_enter(string url)
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Administrator);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_links_to_every_admin_area()
    {
        var (client, _) = await app.SignedInClientAsync(Roles.Administrator);
        var doc = await client.GetDocumentAsync("/admin");
        var links = doc.QuerySelectorAll("[data-testid=admin-areas] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/admin/users", "/admin/audit", "/admin/cycles", "/admin/outbox", "/admin/jobs", "/plan/admin", "/moderation"], links);
    }

    [Fact]
    public async Task Granting_a_role_after_confirmation_is_audited_and_visible_in_the_log()
    {
        var (admin, adminId) = await app.SignedInClientAsync(Roles.Administrator);
        var targetEmail = $"target-{Guid.NewGuid():N}"[..20] + "@example.ma";
        var targetId = await app.CreateUserAsync(targetEmail);

        var confirm = await admin.GetDocumentAsync($"/admin/users/{targetId}/role?role=Moderator&grant=true");
        Assert.Contains("Modérateur", confirm.QuerySelector("[data-testid=role-confirm]")!.TextContent, StringComparison.Ordinal);
        var before = app.Clock.UtcNow;
        var response = await admin.SubmitFormAsync($"/admin/users/{targetId}/role?role=Moderator&grant=true", new Dictionary<string, string>(), "form[data-testid=role-confirm]");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.True(await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return await users.IsInRoleAsync((await users.FindByIdAsync(targetId))!, Roles.Moderator);
        }));
        var entry = await app.WithDbAsync(db => db.Set<AuditEntry>().SingleAsync(e => e.TargetId == targetId));
        Assert.Equal(("role.granted", adminId, "user", Roles.Moderator), (entry.Action, entry.ActorUserId, entry.TargetType, entry.Details));
        Assert.True(entry.At >= before);

        // Then removed again: a second entry, and the viewer lists both, newest first, filtered by target.
        await admin.SubmitFormAsync($"/admin/users/{targetId}/role?role=Moderator&grant=false", new Dictionary<string, string>(), "form[data-testid=role-confirm]");
        var log = await admin.GetDocumentAsync($"/admin/audit?target={targetId}");
        var actions = log.QuerySelectorAll("[data-testid=audit-table] tbody tr td:nth-child(3)").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["role.removed", "role.granted"], actions);
        Assert.Empty((await admin.GetDocumentAsync($"/admin/audit?target={targetId}&action=user.")).QuerySelectorAll("[data-testid=audit-table] tbody tr"));
    }

    [Fact]
    public async Task An_administrator_cannot_remove_their_own_administrator_role()
    {
        var (admin, adminId) = await app.SignedInClientAsync(Roles.Administrator);
        var response = await admin.SubmitFormAsync($"/admin/users/{adminId}/role?role=Administrator&grant=false", new Dictionary<string, string>(), "form[data-testid=role-confirm]");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("votre propre rôle", await response.ReadTextAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.TargetId == adminId && e.Action == "role.removed")));
    }

    [Fact]
    public async Task A_non_administrator_cannot_post_a_role_change()
    {
        var (citizen, citizenId) = await app.SignedInClientAsync();
        var response = await citizen.PostWithTokenAsync("/account/manage", $"/admin/users/{citizenId}/role",
            new Dictionary<string, string> { ["Role"] = Roles.Administrator, ["Grant"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.TargetId == citizenId)));
    }

    [Fact]
    public async Task Users_are_searched_by_name_or_email_and_paginated()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        // Password-less accounts: hashing 27 passwords would only slow the test down.
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            for (var i = 0; i < 27; i++)
            {
                var email = $"p{i:D2}-{tag}@example.ma";
                var result = await users.CreateAsync(new AppUser { UserName = email, Email = email, DisplayName = $"Personne {i:D2} {tag}", CreatedAt = app.Clock.UtcNow });
                Assert.True(result.Succeeded);
            }
        });
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);

        var first = await admin.GetDocumentAsync($"/admin/users?q={tag.ToUpperInvariant()}");
        Assert.Equal(UserAdministration.PageSize, first.QuerySelectorAll("[data-testid=users-table] tbody tr").Length);
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await admin.GetDocumentAsync(next);
        var rest = second.QuerySelectorAll("[data-testid=users-table] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rest.Count);
        Assert.Contains($"p26-{tag}@example.ma", rest[^1], StringComparison.Ordinal);
        Assert.Null(second.QuerySelector("a[rel=next]"));

        var byName = await admin.GetDocumentAsync($"/admin/users?q=personne 03 {tag}");
        Assert.Single(byName.QuerySelectorAll("[data-testid=users-table] tbody tr"));
        Assert.NotNull((await admin.GetDocumentAsync("/admin/users?q=zz-nobody-zz")).QuerySelector("[data-testid=users-empty]"));
    }

    [Fact]
    public async Task Blocking_from_the_user_page_is_audited()
    {
        var (admin, adminId) = await app.SignedInClientAsync(Roles.Administrator);
        var targetId = await app.CreateUserAsync($"blk-{Guid.NewGuid():N}"[..20] + "@example.ma");
        var response = await admin.SubmitFormAsync($"/admin/users/{targetId}", new Dictionary<string, string> { ["Reason"] = "spam <script>", ["confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = await app.WithDbAsync(db => db.Set<AuditEntry>().SingleAsync(e => e.TargetId == targetId));
        Assert.Equal(("user.blocked", adminId, "spam <script>"), (entry.Action, entry.ActorUserId, entry.Details));
        var html = await (await admin.GetAsync("/admin/audit?action=user.blocked")).ReadTextAsync();
        Assert.Contains("spam &lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("spam <script>", html, StringComparison.Ordinal);
    }
}

internal static class UriExtensions
{
    /// <summary>Redirects may be absolute (cookie auth) or relative; tests compare the local part.</summary>
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}

public sealed class AdminTests_Sqlite(SqliteFactory app) : AdminTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class AdminTests_Postgres(PostgresFactory app) : AdminTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class AdminTests_SqlServer(SqlServerFactory app) : AdminTests(app), IClassFixture<SqlServerFactory>;
