using Microsoft.Extensions.DependencyInjection;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.SharedKernel.Auditing;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Journeys;

/// <summary>Issue 17, community: a moderator reads the moderation part of the audit log (not the rest); citizens cannot.</summary>
public abstract class ModerationAuditWalkthroughTests(OpenGovFactory app)
{
    [Fact]
    public async Task A_moderator_reads_moderation_actions_only_page_by_page()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        await app.WithScopeAsync(async sp =>
        {
            var audit = sp.GetRequiredService<IAuditLog>();
            var db = sp.GetRequiredService<Microsoft.EntityFrameworkCore.DbContext>();
            audit.Record(null, "role.granted", "user", "admin-" + marker, null);
            for (var i = 0; i < 55; i++) audit.Record(null, "proposal.hidden", "Proposal", $"{marker}-{i}", null);
            await db.SaveChangesAsync();
        });
        var (moderator, _) = await app.SignedInClientAsync(Roles.Moderator);
        Http.AssertForbidden(await moderator.GetAsync("/admin/audit"));
        var index = await moderator.GetDocumentAsync("/moderation");
        Assert.Equal("/moderation/audit", index.QuerySelector("[data-testid=moderation-audit-link]")!.GetAttribute("href"));

        var first = await moderator.GetDocumentAsync("/moderation/audit");
        var rows = first.QuerySelectorAll("[data-testid=audit-table] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(50, rows.Count);
        Assert.All(rows, r => Assert.DoesNotContain("role.granted", r, StringComparison.Ordinal));
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await moderator.GetDocumentAsync(next);
        var more = second.QuerySelectorAll("[data-testid=audit-table] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(more, r => r.Contains($"{marker}-0", StringComparison.Ordinal));
        Assert.DoesNotContain(more, r => r.Contains("admin-" + marker, StringComparison.Ordinal));

        var (citizen, _) = await app.SignedInClientAsync();
        Http.AssertForbidden(await citizen.GetAsync("/moderation/audit"));
    }
}

public sealed class ModerationAuditWalkthroughTests_Sqlite(SqliteFactory app) : ModerationAuditWalkthroughTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class ModerationAuditWalkthroughTests_Postgres(PostgresFactory app) : ModerationAuditWalkthroughTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class ModerationAuditWalkthroughTests_SqlServer(SqlServerFactory app) : ModerationAuditWalkthroughTests(app), IClassFixture<SqlServerFactory>;
