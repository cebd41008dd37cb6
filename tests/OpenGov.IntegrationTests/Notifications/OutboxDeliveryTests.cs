using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Outbox;
using OpenGov.Web.Data;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure.Jobs;
using OpenGov.Web.Infrastructure.Mail;
using OpenGov.Web.Infrastructure.Notifications;

namespace OpenGov.IntegrationTests.Notifications;

/// <summary>Counts deliveries per Message-ID; a little delay lets concurrent workers interleave.</summary>
public sealed class CountingSender : IMailSender
{
    public ConcurrentDictionary<string, int> Counts { get; } = new();
    public ConcurrentQueue<MailToSend> Sent { get; } = new();

    public async Task SendAsync(MailToSend mail, CancellationToken ct = default)
    {
        await Task.Delay(2, ct);
        Counts.AddOrUpdate(mail.MessageId!, 1, (_, n) => n + 1);
        Sent.Enqueue(mail);
    }
}

public abstract class OutboxDeliveryTests(OpenGovFactory app)
{
    private static readonly Dictionary<string, string> Values = new() { ["title"] = "Budget ouvert", ["state"] = "Retained", ["url"] = "http://localhost/x" };

    private Task<int> DeliverAsync(IMailSender sender, string worker = "test-worker") => app.WithScopeAsync(sp =>
        ActivatorUtilities.CreateInstance<OutboxDelivery>(sp, sender).DeliverAllDueAsync(worker));

    private Task<Guid> EnqueueAsync(string userId, string category = "feedback.published") => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var m = sp.GetRequiredService<IOutbox>().Enqueue(OutgoingMail.FromTemplate(category, userId, "FeedbackText:Mail.ResponsePublished", Values));
        await db.SaveChangesAsync();
        return m.Id;
    });

    private Task<OutboxMessage> MessageAsync(Guid id) => app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id));

    /// <summary>Delivers what other tests of the class left pending, so each test sees only its own messages.</summary>
    private Task DrainAsync() => DeliverAsync(new CountingSender(), "drain");

    [Fact]
    public async Task A_message_is_committed_with_its_change_and_vanishes_when_the_change_rolls_back()
    {
        var userId = await app.CreateUserAsync($"tx{Guid.NewGuid():N}"[..12] + "@test.ma");
        var (committed, rolledBack) = (Guid.Empty, Guid.Empty);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var outbox = sp.GetRequiredService<IOutbox>();
            var audit = sp.GetRequiredService<IAuditLog>();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                audit.Record(userId, "test.change", "Test", "rolled-back");
                rolledBack = outbox.Enqueue(OutgoingMail.FromTemplate("feedback.published", userId, "FeedbackText:Mail.ResponsePublished", Values)).Id;
                await db.SaveChangesAsync();
                await tx.RollbackAsync();
            }
            db.ChangeTracker.Clear();
            audit.Record(userId, "test.change", "Test", "committed");
            committed = outbox.Enqueue(OutgoingMail.FromTemplate("feedback.published", userId, "FeedbackText:Mail.ResponsePublished", Values)).Id;
            await db.SaveChangesAsync();
        });
        await app.WithDbAsync(async db =>
        {
            Assert.False(await db.Set<OutboxMessage>().AnyAsync(m => m.Id == rolledBack));
            Assert.False(await db.Set<AuditEntry>().AnyAsync(a => a.TargetId == "rolled-back" && a.ActorUserId == userId));
            Assert.True(await db.Set<OutboxMessage>().AnyAsync(m => m.Id == committed && m.Status == OutboxStatus.Pending));
            Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.TargetId == "committed" && a.ActorUserId == userId));
        });
    }

    [Fact]
    public async Task A_failed_send_is_retried_with_backoff_then_dead_lettered_and_an_administrator_resends_it()
    {
        await DrainAsync();
        var userId = await app.CreateUserAsync($"dl{Guid.NewGuid():N}"[..12] + "@test.ma");
        var id = await EnqueueAsync(userId);
        // A real SMTP client against a loopback port where nothing listens.
        var closedPort = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closedPort.Start();
        var port = ((IPEndPoint)closedPort.LocalEndpoint).Port;
        closedPort.Stop();
        var failing = new MailKitSender(Options.Create(new MailOptions { Mode = "Smtp", SmtpHost = "127.0.0.1", SmtpPort = port }),
            app.Services.GetRequiredService<IHostEnvironment>());

        await DeliverAsync(failing);
        var m = await MessageAsync(id);
        Assert.Equal((OutboxStatus.Pending, 1), (m.Status, m.Attempts));
        Assert.Equal(app.Clock.UtcNow.AddMinutes(1), m.NextAttemptAt);
        Assert.NotNull(m.LastError);

        await DeliverAsync(failing); // not due yet: the backoff holds it
        Assert.Equal(1, (await MessageAsync(id)).Attempts);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await DeliverAsync(failing);
        m = await MessageAsync(id);
        Assert.Equal(2, m.Attempts);
        Assert.Equal(app.Clock.UtcNow.AddMinutes(2), m.NextAttemptAt); // doubled

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await DeliverAsync(failing);
        m = await MessageAsync(id);
        Assert.Equal((OutboxStatus.DeadLettered, 3), (m.Status, m.Attempts));

        // The administrator sees it and re-sends it; the re-send is audit-logged, then delivered with the same Message-ID.
        var (admin, adminId, _) = await app.SignedInClientAsync(Roles.Administrator);
        var page = await admin.GetDocumentAsync("/admin/outbox");
        Assert.Contains(page.QuerySelectorAll("[data-testid=dead-letter]"), r => r.TextContent.Contains("feedback.published", StringComparison.Ordinal));
        var resend = await admin.PostWithTokenAsync("/admin/outbox", "/admin/outbox?handler=Resend", new Dictionary<string, string> { ["messageId"] = id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        m = await MessageAsync(id);
        Assert.Equal((OutboxStatus.Pending, 0), (m.Status, m.Attempts));
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == "outbox.resend" && a.TargetId == id.ToString() && a.ActorUserId == adminId)));
        var ok = new CountingSender();
        await DeliverAsync(ok);
        Assert.Equal(1, ok.Counts[m.MessageId]);
        Assert.Equal(OutboxStatus.Sent, (await MessageAsync(id)).Status);

        // Not an administrator: no access to the dead letters.
        var (citizen, _, _) = await app.SignedInClientAsync();
        TestUsers.AssertForbidden(await citizen.GetAsync("/admin/outbox"));
    }

    [Fact]
    public async Task Concurrent_workers_on_one_database_deliver_each_message_exactly_once()
    {
        await DrainAsync();
        var userId = await app.CreateUserAsync($"cc{Guid.NewGuid():N}"[..12] + "@test.ma");
        var ids = new List<Guid>();
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var outbox = sp.GetRequiredService<IOutbox>();
            for (var i = 0; i < 120; i++)
                ids.Add(outbox.Enqueue(new OutgoingMail("system.test", $"w{i}@test.ma", $"Message {i}", "Corps")).Id);
            await db.SaveChangesAsync();
        });
        var sender = new CountingSender();
        // Four delivery loops, each with its own scope and connection, as four web instances would.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(() => DeliverAsync(sender, $"instance-{w}"))));
        var messageIds = await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => ids.Contains(m.Id)).Select(m => new { m.MessageId, m.Status }).ToListAsync());
        Assert.All(messageIds, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        Assert.All(messageIds, m => Assert.Equal(1, sender.Counts.GetValueOrDefault(m.MessageId)));
        Assert.Equal(120, messageIds.Count);
    }

    [Fact]
    public async Task Messages_claimed_by_a_worker_that_died_are_delivered_after_the_lease_expires()
    {
        await DrainAsync();
        var userId = await app.CreateUserAsync($"ls{Guid.NewGuid():N}"[..12] + "@test.ma");
        var first = await EnqueueAsync(userId);
        var second = await EnqueueAsync(userId);
        // A worker claims the batch and is killed before sending anything.
        var claimed = await app.WithScopeAsync(sp => sp.GetRequiredService<OutboxDelivery>().ClaimAsync("doomed-worker"));
        Assert.Contains(claimed, m => m.Id == first);
        Assert.Contains(claimed, m => m.Id == second);

        var sender = new CountingSender();
        await DeliverAsync(sender, "survivor");
        Assert.Empty(sender.Sent); // the lease still holds

        app.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        await DeliverAsync(sender, "survivor");
        Assert.Equal(OutboxStatus.Sent, (await MessageAsync(first)).Status);
        Assert.Equal(OutboxStatus.Sent, (await MessageAsync(second)).Status);
        Assert.Equal(2, sender.Sent.Count);
    }

    [Fact]
    public async Task Delivery_to_a_real_smtp_server_renders_in_the_recipients_language_with_unsubscribe_and_stable_message_id()
    {
        await DrainAsync();
        var email = $"ar{Guid.NewGuid():N}"[..12] + "@test.ma";
        var userId = await app.CreateUserAsync(email);
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var user = await users.FindByIdAsync(userId);
            user!.PreferredCulture = "ar";
            await users.UpdateAsync(user);
        });
        var id = await EnqueueAsync(userId);
        await using var sink = new SmtpSink();
        var smtp = new MailKitSender(Options.Create(new MailOptions { Mode = "Smtp", SmtpHost = "127.0.0.1", SmtpPort = sink.Port, From = "OpenGov <no-reply@opengov.local>" }),
            app.Services.GetRequiredService<IHostEnvironment>());
        await DeliverAsync(smtp);

        var stored = await MessageAsync(id);
        Assert.Equal(OutboxStatus.Sent, stored.Status);
        var (_, to, data) = Assert.Single(sink.Received);
        Assert.Contains(email, to.Single(), StringComparison.OrdinalIgnoreCase);
        var mail = MailFolder.Parse(data);
        Assert.Equal(stored.MessageId, mail.MessageId);
        Assert.Contains("تلقت فكرتك", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Budget ouvert", mail.Text, StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\"", mail.Html, StringComparison.Ordinal);
        Assert.Contains("/unsubscribe?token=", mail.Html, StringComparison.Ordinal);
        Assert.Matches(@"^<http://localhost/unsubscribe\?token=[^>]+>$", mail.Headers["List-Unsubscribe"]);
    }

    [Fact]
    public async Task Daily_digest_folds_a_users_notifications_into_one_mail()
    {
        await DrainAsync();
        var email = $"dg{Guid.NewGuid():N}"[..12] + "@test.ma";
        var userId = await app.CreateUserAsync(email);
        await app.WithScopeAsync(sp => sp.GetRequiredService<NotificationPreferences>().SetAsync(userId, NotificationGroups.Feedback, DeliveryMode.DailyDigest));
        var ids = new[] { await EnqueueAsync(userId), await EnqueueAsync(userId), await EnqueueAsync(userId) };
        var immediate = await EnqueueAsync(userId, "proposal.published.test"); // another group: still immediate (template reused)

        var sender = new CountingSender();
        await DeliverAsync(sender);
        Assert.Single(sender.Sent); // only the proposals-group one
        foreach (var id in ids)
        {
            var m = await MessageAsync(id);
            Assert.True(m.Status == OutboxStatus.Pending && m.HeldForDigest);
        }

        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.True(await app.Services.GetRequiredService<JobScheduler>().RunIfDueAsync(DigestJob.JobName, CancellationToken.None));
        foreach (var id in ids) Assert.Equal(OutboxStatus.Digested, (await MessageAsync(id)).Status);
        await DeliverAsync(sender);
        var digest = Assert.Single(sender.Sent, m => m.To == email && m.Subject.Contains("résumé", StringComparison.Ordinal));
        Assert.Equal(3, Regex.Count(digest.TextBody, "^## .*Budget ouvert", RegexOptions.Multiline));
        Assert.Contains("/unsubscribe?token=", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("/account/notifications", digest.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Sent, (await MessageAsync(immediate)).Status);
    }

    [Fact]
    public async Task The_unsubscribe_link_works_without_signing_in_and_stops_that_group()
    {
        await DrainAsync();
        var email = $"us{Guid.NewGuid():N}"[..12] + "@test.ma";
        var userId = await app.CreateUserAsync(email);
        await EnqueueAsync(userId);
        var sender = new CountingSender();
        await DeliverAsync(sender);
        var mail = Assert.Single(sender.Sent);
        var link = Regex.Match(mail.Headers!["List-Unsubscribe"], "<(?<u>[^>]+)>").Groups["u"].Value;
        var path = new Uri(link).PathAndQuery;

        var anonymous = app.CreateBrowserlikeClient();
        var confirm = await anonymous.GetDocumentAsync(path);
        Assert.Contains("Réponses motivées", confirm.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var response = await anonymous.SubmitFormAsync(path, new Dictionary<string, string>(), "main form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(Http.Parse(await response.ReadTextAsync()).QuerySelector("[data-testid=unsubscribe-done]"));

        var modes = await app.WithScopeAsync(sp => sp.GetRequiredService<NotificationPreferences>().ForUserAsync(userId));
        Assert.Equal(DeliveryMode.None, modes[NotificationGroups.Feedback]);
        Assert.Equal(DeliveryMode.Immediately, modes[NotificationGroups.Proposals]);

        // The next notification of that group is suppressed; the confirmation (transactional) is sent.
        var next = await EnqueueAsync(userId);
        await DeliverAsync(sender);
        Assert.Equal(OutboxStatus.Suppressed, (await MessageAsync(next)).Status);
        Assert.Contains(sender.Sent, m => m.To == email && m.Subject.Contains("ne recevrez plus", StringComparison.Ordinal));

        // A forged or damaged token changes nothing.
        var bad = await anonymous.GetDocumentAsync("/unsubscribe?token=" + Uri.EscapeDataString("forged" + link[^10..]));
        Assert.NotNull(bad.QuerySelector("[data-testid=unsubscribe-invalid]"));
        Assert.Null(bad.QuerySelector("main form"));
    }

    [Fact]
    public async Task A_user_chooses_per_group_preferences()
    {
        var (client, userId, _) = await app.SignedInClientAsync();
        var response = await client.SubmitFormAsync("/account/notifications", new Dictionary<string, string>
        {
            ["Modes[forum]"] = "None",
            ["Modes[feedback]"] = "DailyDigest",
        }, "main form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var modes = await app.WithScopeAsync(sp => sp.GetRequiredService<NotificationPreferences>().ForUserAsync(userId));
        Assert.Equal((DeliveryMode.None, DeliveryMode.DailyDigest, DeliveryMode.Immediately),
            (modes[NotificationGroups.Forum], modes[NotificationGroups.Feedback], modes[NotificationGroups.Events]));
        var page = await client.GetDocumentAsync("/account/notifications");
        Assert.True(page.QuerySelector("#m-forum-None")!.HasAttribute("checked"));

        var invalid = await client.SubmitFormAsync("/account/notifications", new Dictionary<string, string> { ["Modes[forum]"] = "Sometimes" }, "main form");
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowserlikeClient().GetAsync("/account/notifications")).StatusCode);
    }
}

public sealed class OutboxDeliveryTests_Sqlite(NotificationsSqliteFactory app) : OutboxDeliveryTests(app), IClassFixture<NotificationsSqliteFactory>;

[Trait("db", "postgres")]
public sealed class OutboxDeliveryTests_Postgres(NotificationsPostgresFactory app) : OutboxDeliveryTests(app), IClassFixture<NotificationsPostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class OutboxDeliveryTests_SqlServer(NotificationsSqlServerFactory app) : OutboxDeliveryTests(app), IClassFixture<NotificationsSqlServerFactory>;
