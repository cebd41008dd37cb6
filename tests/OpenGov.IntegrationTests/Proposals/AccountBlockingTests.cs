using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.SharedKernel.Auditing;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Proposals;

/// <summary>One block rule for moderators and administrators: a user blocked by a moderator and unblocked by an
/// administrator signs in again (the moderators' copy once left an endless lockout behind).</summary>
public abstract class AccountBlockingTests(OpenGovFactory app)
{
    [Fact]
    public async Task Blocked_by_a_moderator_then_unblocked_by_an_administrator_signs_in_again()
    {
        var (cycleId, axisId) = await app.OpenCycleAsync();
        var email = $"b{Guid.NewGuid():N}"[..20] + "@test.opengov.ma";
        var authorId = await app.CreateUserAsync(email);
        var proposal = await app.ProposalAsync(cycleId, axisId, authorId, "Idée d'un auteur bloqué");
        var (moderator, _) = await app.SignedInClientAsync(Roles.Moderator);
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);
        Task<AppUser?> Load() => app.WithScopeAsync(sp => sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(authorId));
        var stampBefore = (await Load())!.SecurityStamp;

        await moderator.PostWithTokenAsync("/moderation", $"/moderation?handler=Block&proposalId={proposal}", new Dictionary<string, string> { ["confirm"] = "true" });
        var blocked = (await Load())!;
        Assert.True(blocked.IsBlocked);
        Assert.NotEqual(stampBefore, blocked.SecurityStamp);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.CreateBrowserlikeClient().LoginAsync(email, OpenGovFactory.Password));

        var response = await admin.SubmitFormAsync($"/admin/users/{authorId}", new Dictionary<string, string> { ["Reason"] = "appel accepté" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var unblocked = (await Load())!;
        Assert.False(unblocked.IsBlocked);
        Assert.Null(unblocked.LockoutEnd);
        Assert.NotEqual(blocked.SecurityStamp, unblocked.SecurityStamp);
        await app.CreateBrowserlikeClient().LoginAsync(email, OpenGovFactory.Password);

        var actions = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.TargetId == authorId).Select(e => e.Action).ToListAsync());
        Assert.Equal(["user.blocked", "user.unblocked"], actions.Order());
    }

    [Fact]
    public async Task Moderators_cannot_block_an_administrator()
    {
        var (cycleId, axisId) = await app.OpenCycleAsync();
        var adminId = await app.CreateUserAsync($"a{Guid.NewGuid():N}"[..20] + "@test.opengov.ma", Roles.Administrator);
        var proposal = await app.ProposalAsync(cycleId, axisId, adminId, "Idée d'un administrateur");
        var (moderator, _) = await app.SignedInClientAsync(Roles.Moderator);
        await moderator.PostWithTokenAsync("/moderation", $"/moderation?handler=Block&proposalId={proposal}", new Dictionary<string, string> { ["confirm"] = "true" });
        var user = await app.WithScopeAsync(sp => sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(adminId));
        Assert.False(user!.IsBlocked);
        Assert.Null(user.LockoutEnd);
    }
}

public sealed class AccountBlockingTests_Sqlite(SqliteFactory app) : AccountBlockingTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class AccountBlockingTests_Postgres(PostgresFactory app) : AccountBlockingTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class AccountBlockingTests_SqlServer(SqlServerFactory app) : AccountBlockingTests(app), IClassFixture<SqlServerFactory>;
