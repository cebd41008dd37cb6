using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenGov.SharedKernel.Outbox;
using OpenGov.Web.Data;
using OpenGov.Web.Infrastructure.Mail;
using OpenGov.Web.Infrastructure.Notifications;

namespace OpenGov.IntegrationTests.Notifications;

/// <summary>
/// Not a timed test: bench/mail-throughput.sh sets OPENGOV_BENCH_OUT and runs it to print outbox delivery figures
/// (a local SMTP sink; one worker, then two). Without the variable it returns at once.
/// </summary>
public sealed class MailThroughputBench(NotificationsSqliteFactory app) : IClassFixture<NotificationsSqliteFactory>
{
    [Fact]
    public async Task Outbox_delivery_throughput()
    {
        var output = Environment.GetEnvironmentVariable("OPENGOV_BENCH_OUT");
        if (string.IsNullOrEmpty(output)) return;
        var count = int.Parse(Environment.GetEnvironmentVariable("OPENGOV_BENCH_MAILS") ?? "500", CultureInfo.InvariantCulture);
        var lines = new List<string> { $"provider {app.ProviderName}, {count} mails per run, SMTP sink on loopback" };
        await using var sink = new SmtpSink();
        var smtp = new MailKitSender(Options.Create(new MailOptions { Mode = "Smtp", SmtpHost = "127.0.0.1", SmtpPort = sink.Port }),
            app.Services.GetRequiredService<IHostEnvironment>());
        foreach (var workers in new[] { 1, 2 })
        {
            var ids = await app.WithScopeAsync(async sp =>
            {
                var outbox = sp.GetRequiredService<IOutbox>();
                var list = Enumerable.Range(0, count).Select(i => outbox.Enqueue(new OutgoingMail("system.bench", $"b{workers}-{i}@bench.ma", $"Bench {i}", "Corps")).Id).ToList();
                await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
                return list;
            });
            var before = sink.Received.Count;
            var sw = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => app.WithScopeAsync(sp =>
                ActivatorUtilities.CreateInstance<OutboxDelivery>(sp, smtp).DeliverAllDueAsync($"bench-{w}")))));
            sw.Stop();
            var readBack = await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Sent));
            var delivered = sink.Received.Count - before;
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{workers} instance(s): {delivered} mails delivered in {sw.Elapsed.TotalSeconds:0.00} s = {delivered / sw.Elapsed.TotalSeconds:0} mails/s; {readBack} messages read back as sent from the database"));
        }
        await File.WriteAllLinesAsync(output, lines);
    }
}
