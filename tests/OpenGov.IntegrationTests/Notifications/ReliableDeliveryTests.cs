using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.SharedKernel.Jobs;
using OpenGov.SharedKernel.Outbox;
using OpenGov.Web.Data;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure.Jobs;
using OpenGov.Web.Infrastructure.Mail;
using OpenGov.Web.Infrastructure.Notifications;

namespace OpenGov.IntegrationTests.Notifications;

/// <summary>The test clock's instant, moving on in real time: leases expire while a slow server answers.</summary>
internal sealed class RunningClock(DateTimeOffset start) : TimeProvider
{
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    public override DateTimeOffset GetUtcNow() => start + _elapsed.Elapsed;
}

/// <summary>Sends the first <paramref name="before"/> mails, then hangs on the next one until the worker is killed.</summary>
internal sealed class DyingSender(int before, CancellationTokenSource kill) : IMailSender
{
    public List<MailToSend> Sent { get; } = [];

    public async Task SendAsync(MailToSend mail, CancellationToken ct = default)
    {
        if (Sent.Count == before)
        {
            await kill.CancelAsync();
            await Task.Delay(Timeout.Infinite, ct);
        }
        Sent.Add(mail);
    }
}

/// <summary>Issue 12: no mail lost nor sent twice by live workers, account mails through the outbox, expiring job claims, the jobs dashboard.</summary>
public abstract class ReliableDeliveryTests(OpenGovFactory app)
{
    private Task DrainAsync() => app.WithScopeAsync(sp =>
        ActivatorUtilities.CreateInstance<OutboxDelivery>(sp, new CountingSender()).DeliverAllDueAsync("drain"));

    private Task<List<Guid>> EnqueueAsync(string prefix, int count) => app.WithScopeAsync(async sp =>
    {
        var outbox = sp.GetRequiredService<IOutbox>();
        var ids = Enumerable.Range(0, count).Select(i => outbox.Enqueue(new OutgoingMail("system.test", $"{prefix}{i}@test.ma", $"Message {i}", "Corps")).Id).ToList();
        await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return ids;
    });

    private Task<List<OutboxMessage>> MessagesAsync(List<Guid> ids) =>
        app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync());

    [Fact]
    public async Task Two_workers_against_an_smtp_server_slower_than_the_lease_deliver_each_mail_exactly_once()
    {
        await DrainAsync();
        var ids = await EnqueueAsync($"slow{Guid.NewGuid():N}"[..10], 6);
        await using var sink = new SmtpSink(TimeSpan.FromMilliseconds(1500));
        var clock = new RunningClock(app.Clock.GetUtcNow());
        var options = Options.Create(new NotificationOptions { Lease = TimeSpan.FromSeconds(1), BatchSize = 3, MaxAttempts = 3 });
        var smtp = new MailKitSender(Options.Create(new MailOptions { Mode = "Smtp", SmtpHost = "127.0.0.1", SmtpPort = sink.Port }),
            app.Services.GetRequiredService<IHostEnvironment>());
        // Each worker keeps delivering while anything is due, as two instances would.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(w => Task.Run(() => app.WithScopeAsync(sp =>
            ActivatorUtilities.CreateInstance<OutboxDelivery>(sp, smtp, clock, options).DeliverAllDueAsync($"instance-{w}")))));

        var stored = await MessagesAsync(ids);
        Assert.All(stored, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        var received = sink.Received.Select(r => MailFolder.Parse(r.Data).MessageId).ToList();
        Assert.All(stored, m => Assert.Equal(1, received.Count(id => id == m.MessageId)));
    }

    [Fact]
    public async Task A_worker_killed_mid_batch_loses_nothing()
    {
        await DrainAsync();
        var ids = await EnqueueAsync($"kill{Guid.NewGuid():N}"[..10], 5);
        using var kill = new CancellationTokenSource();
        var dying = new DyingSender(2, kill);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => app.WithScopeAsync(sp =>
            ActivatorUtilities.CreateInstance<OutboxDelivery>(sp, dying).DeliverDueAsync("doomed", kill.Token)));
        Assert.Equal(2, dying.Sent.Count);

        var survivor = new CountingSender();
        await app.WithScopeAsync(sp => ActivatorUtilities.CreateInstance<OutboxDelivery>(sp, survivor).DeliverAllDueAsync("survivor"));
        Assert.Empty(survivor.Sent); // the dead worker's lease still holds
        app.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        await app.WithScopeAsync(sp => ActivatorUtilities.CreateInstance<OutboxDelivery>(sp, survivor).DeliverAllDueAsync("survivor"));

        var stored = await MessagesAsync(ids);
        Assert.All(stored, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        // The two sent before the kill were recorded as sent: they are not sent again; the other three arrive once.
        var delivered = dying.Sent.Concat(survivor.Sent).Select(m => m.MessageId).ToList();
        Assert.All(stored, m => Assert.Equal(1, delivered.Count(id => id == m.MessageId)));
    }

    [Fact]
    public async Task Registration_during_an_smtp_outage_answers_normally_and_the_confirmation_arrives_once_the_server_is_back()
    {
        await DrainAsync();
        var client = app.CreateBrowserlikeClient();
        var email = $"out{Guid.NewGuid():N}"[..12] + "@test.ma";
        var response = await client.SubmitFormAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = "Leïla Bennani", ["Input.Organisation"] = "",
            ["Input.Password"] = OpenGovFactory.Password, ["Input.ConfirmPassword"] = OpenGovFactory.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/check-inbox", response.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // The server is down: nothing listens on the port.
        var closed = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        MailKitSender Smtp(int p) => new(Options.Create(new MailOptions { Mode = "Smtp", SmtpHost = "127.0.0.1", SmtpPort = p }),
            app.Services.GetRequiredService<IHostEnvironment>());
        await app.WithScopeAsync(sp => ActivatorUtilities.CreateInstance<OutboxDelivery>(sp, Smtp(port)).DeliverAllDueAsync("w"));
        var pending = await app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.ToAddress == email));
        Assert.Equal(("account.confirm", OutboxStatus.Pending, 1), (pending.Category, pending.Status, pending.Attempts));

        await using var sink = new SmtpSink();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.WithScopeAsync(sp => ActivatorUtilities.CreateInstance<OutboxDelivery>(sp, Smtp(sink.Port)).DeliverAllDueAsync("w"));
        var mail = MailFolder.Parse(Assert.Single(sink.Received, r => r.To.Any(t => t.Contains(email, StringComparison.OrdinalIgnoreCase))).Data);
        Assert.Equal(pending.MessageId, mail.MessageId);
        Assert.Contains("/account/confirm-email?", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_run_killed_midway_is_taken_over_once_its_claim_expires_and_a_failed_run_is_retried()
    {
        var scheduler = app.Services.GetRequiredService<JobScheduler>();
        var job = app.Services.CreateScope().ServiceProvider.GetServices<IRecurringJob>().Single(j => j.Name == DigestJob.JobName);
        app.Clock.Advance(TimeSpan.FromDays(3)); // a period no other test used
        var now = app.Clock.UtcNow;
        var period = job.PeriodOf(now);
        // An instance claimed the period and died.
        await app.WithDbAsync(async db =>
        {
            db.Add(new JobRun(DigestJob.JobName, period, now, "dead-instance", now.AddMinutes(10)));
            await db.SaveChangesAsync();
        });
        Assert.False(await scheduler.RunIfDueAsync(DigestJob.JobName, CancellationToken.None)); // its claim still holds

        var email = $"jk{Guid.NewGuid():N}"[..12] + "@test.ma";
        var userId = await app.CreateUserAsync(email);
        await app.WithScopeAsync(sp => sp.GetRequiredService<NotificationPreferences>().SetAsync(userId, NotificationGroups.Feedback, DeliveryMode.DailyDigest));
        await app.WithScopeAsync(async sp =>
        {
            var m = sp.GetRequiredService<IOutbox>().Enqueue(OutgoingMail.FromTemplate("feedback.published", userId, "FeedbackText:Mail.ResponsePublished",
                new Dictionary<string, string> { ["title"] = "Budget", ["state"] = "Retained", ["url"] = "http://localhost/x" }));
            await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
            m.HoldForDigest();
            await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
        });

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.True(await scheduler.RunIfDueAsync(DigestJob.JobName, CancellationToken.None));
        Assert.False(await scheduler.RunIfDueAsync(DigestJob.JobName, CancellationToken.None)); // done for the period
        var run = await app.WithDbAsync(db => db.Set<JobRun>().AsNoTracking().SingleAsync(r => r.Job == DigestJob.JobName && r.Period == period));
        Assert.True(run.Succeeded);
        Assert.Equal(2, run.Attempts);
        Assert.True(await app.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Category == DigestJob.Category && m.RecipientUserId == userId)));
    }

    [Fact]
    public async Task The_jobs_dashboard_is_for_administrators_only()
    {
        var anonymous = app.CreateBrowserlikeClient();
        var answer = await anonymous.GetAsync(JobServer.DashboardPath);
        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        foreach (var role in Roles.All.Where(r => r != Roles.Administrator))
        {
            var (client, _, _) = await app.SignedInClientAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(JobServer.DashboardPath)).StatusCode);
        }
        var (admin, _, _) = await app.SignedInClientAsync(Roles.Administrator);
        var page = await admin.GetAsync(JobServer.DashboardPath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("OpenGov jobs", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class ReliableDeliveryTests_Sqlite(NotificationsSqliteFactory app) : ReliableDeliveryTests(app), IClassFixture<NotificationsSqliteFactory>;

[Trait("db", "postgres")]
public sealed class ReliableDeliveryTests_Postgres(NotificationsPostgresFactory app) : ReliableDeliveryTests(app), IClassFixture<NotificationsPostgresFactory>;
