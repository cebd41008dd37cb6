using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Committees;
using OpenGov.Consultation.Meetings;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.IntegrationTests.Notifications;
using OpenGov.SharedKernel.Outbox;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure.Jobs;
using OpenGov.Web.Infrastructure.Mail;
using OpenGov.Web.Infrastructure.Notifications;

namespace OpenGov.IntegrationTests.Community;

using static MeetingKit;

/// <summary>
/// Decision owners are mailed when assigned (minutes published) and once when overdue (the daily job), delivered over a real
/// SMTP conversation; the follow-up keeps done and dropped decisions in a filterable, keyset-paged history. On each database.
/// </summary>
public abstract class DecisionFollowUpTests(OpenGovFactory app)
{
    private static Dictionary<string, string> F(params (string Key, string Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value);

    private static string Unique(string prefix) => prefix + " " + Guid.NewGuid().ToString("N")[..8];

    private Task<int> DeliverAsync(IMailSender sender) => app.WithScopeAsync(sp =>
        ActivatorUtilities.CreateInstance<OutboxDelivery>(sp, sender).DeliverAllDueAsync("decision-tests"));

    /// <summary>Delivers what other tests of the class left pending, so the SMTP peer sees only this test's mails.</summary>
    private Task DrainAsync() => DeliverAsync(new CountingSender());


    private static async Task AddDecisionAsync(HttpClient admin, Guid meeting, params (string Key, string Value)[] fields)
    {
        var response = await admin.SubmitFormAsync($"/meetings/edit/{meeting}", F(fields), "form[action*='handler=Decision']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }


    private Task<List<OutboxMessage>> MailsAsync(string category, IReadOnlyCollection<Guid> decisions) => app.WithDbAsync(async db =>
    {
        var keys = decisions.Select(d => $"{category}:{d:N}").ToList();
        return (await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Category == category).ToListAsync())
            .Where(m => keys.Any(k => m.DedupKey!.StartsWith(k, StringComparison.Ordinal))).ToList();
    });

    private Task<Guid> DecisionIdAsync(Guid meeting, string text)
        => app.WithDbAsync(db => db.Set<Decision>().Where(d => d.MeetingId == meeting && d.Text == text).Select(d => d.Id).SingleAsync());

    [Fact]
    public async Task The_owner_is_mailed_at_publication_in_their_language_at_the_right_address_and_once()
    {
        await DrainAsync();
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);
        var accountEmail = $"ar{Guid.NewGuid():N}"[..14] + "@test.opengov.ma";
        var ownerId = await app.CreateUserAsync(accountEmail);
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByIdAsync(ownerId);
            user!.PreferredCulture = "ar";
            await users.UpdateAsync(user);
        });
        var bareAddress = $"pf{Guid.NewGuid():N}"[..14] + "@ministere.example.ma";
        var title = Unique("Comité d'implémentation");
        var meeting = await NewMeetingAsync(admin, title);
        var (toAccount, toAddress, nobody) = (Unique("Publier les données"), Unique("Former les points focaux"), Unique("Préparer l'OGW"));
        // The address is typed in another case than the account's: the account still wins, mailed in its language.
        await AddDecisionAsync(admin, meeting, ("NewDecision.Text", toAccount), ("NewDecision.OwnerName", "Mme Owner"),
            ("NewDecision.OwnerEmail", accountEmail.ToUpperInvariant()), ("NewDecision.DueOn", "2026-12-15"));
        await AddDecisionAsync(admin, meeting, ("NewDecision.Text", toAddress), ("NewDecision.OwnerOrganisation", "Ministère"),
            ("NewDecision.OwnerEmail", bareAddress));
        await AddDecisionAsync(admin, meeting, ("NewDecision.Text", nobody), ("NewDecision.OwnerOrganisation", "MTNRA"));
        var ids = new[] { await DecisionIdAsync(meeting, toAccount), await DecisionIdAsync(meeting, toAddress), await DecisionIdAsync(meeting, nobody) };
        Assert.Equal(ownerId, await app.WithDbAsync(db => db.Set<Decision>().Where(d => d.Id == ids[0]).Select(d => d.OwnerUserId).SingleAsync()));
        Assert.Empty(await MailsAsync("meeting.decision.assigned", ids)); // a draft is not public yet: nobody is told

        await PublishAsync(admin, meeting);
        var queued = await MailsAsync("meeting.decision.assigned", ids);
        Assert.Equal(2, queued.Count);
        Assert.Equal(ownerId, Assert.Single(queued, m => m.DedupKey!.Contains(ids[0].ToString("N"), StringComparison.Ordinal)).RecipientUserId);
        var bare = Assert.Single(queued, m => m.DedupKey!.Contains(ids[1].ToString("N"), StringComparison.Ordinal));
        Assert.Equal((bareAddress, (string?)null, "fr"), (bare.ToAddress, bare.RecipientUserId, bare.Culture));

        await using var sink = new SmtpSink();
        var smtp = SmtpTo(app, sink);
        await DeliverAsync(smtp);
        Assert.Equal(2, sink.Received.Count);

        var arabic = sink.Received.Single(r => r.To.Single().Contains(accountEmail, StringComparison.OrdinalIgnoreCase));
        var mail = MailFolder.Parse(arabic.Data);
        Assert.Contains("نقطة متفق عليها تحت مسؤوليتكم", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(title, mail.Subject, StringComparison.Ordinal);
        Assert.Contains(toAccount, mail.Text, StringComparison.Ordinal);
        Assert.Contains("15 دجنبر 2026", mail.Text, StringComparison.Ordinal); // the due date in the recipient's language
        Assert.Contains($"http://localhost/meetings/{meeting}", mail.Text, StringComparison.Ordinal);
        Assert.Contains("لأن لجنة عينتكم مسؤولين", mail.Text, StringComparison.Ordinal); // the category's own reason in the footer
        Assert.Contains("http://localhost/account/notifications", mail.Text, StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\"", mail.Html, StringComparison.Ordinal);

        var french = sink.Received.Single(r => r.To.Single().Contains(bareAddress, StringComparison.OrdinalIgnoreCase));
        mail = MailFolder.Parse(french.Data);
        Assert.Contains("Point arrêté à votre charge", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(toAddress, mail.Text, StringComparison.Ordinal);
        Assert.Contains("Échéance : —", mail.Text, StringComparison.Ordinal);
        Assert.Contains("un comité vous a désigné responsable", mail.Text, StringComparison.Ordinal);

        // A correction: back to draft and published again tells nobody twice; a decision added to published minutes is told at once.
        await PublishAsync(admin, meeting, publish: false);
        await PublishAsync(admin, meeting);
        Assert.Equal(2, (await MailsAsync("meeting.decision.assigned", ids)).Count);
        var late = Unique("Point ajouté");
        await AddDecisionAsync(admin, meeting, ("NewDecision.Text", late), ("NewDecision.OwnerName", "Mme Owner"), ("NewDecision.OwnerEmail", accountEmail));
        Assert.Equal(ownerId, Assert.Single(await MailsAsync("meeting.decision.assigned", [await DecisionIdAsync(meeting, late)])).RecipientUserId);
    }

    [Fact]
    public async Task An_overdue_decision_is_mailed_once_across_job_runs_and_days()
    {
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);
        var today = DateOnly.FromDateTime(app.Clock.UtcNow);
        var meeting = await NewMeetingAsync(admin, Unique("Suivi des échéances"));
        var (pastDue, dueTomorrow, closed) = (Unique("Échue hier"), Unique("Échue demain"), Unique("Réalisée"));
        var address = $"od{Guid.NewGuid():N}"[..14] + "@example.ma";
        foreach (var (text, due) in new[] { (pastDue, today.AddDays(-1)), (dueTomorrow, today.AddDays(1)), (closed, today.AddDays(-1)) })
            await AddDecisionAsync(admin, meeting, ("NewDecision.Text", text), ("NewDecision.OwnerName", "Point focal"),
                ("NewDecision.OwnerEmail", address), ("NewDecision.DueOn", due.ToString("yyyy-MM-dd")));
        await PublishAsync(admin, meeting);
        var ids = new[] { await DecisionIdAsync(meeting, pastDue), await DecisionIdAsync(meeting, dueTomorrow), await DecisionIdAsync(meeting, closed) };
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostWithTokenAsync("/meetings/decisions", "/meetings/decisions?handler=Progress",
            F(("decisionId", ids[2].ToString()), ("status", "Done"), ("note", "Fait")))).StatusCode);

        var scheduler = app.Services.GetRequiredService<JobScheduler>();
        var start = app.Clock.UtcNow;
        try
        {
            Assert.True(await scheduler.RunIfDueAsync(DecisionOverdueJob.JobName, CancellationToken.None));
            Assert.False(await scheduler.RunIfDueAsync(DecisionOverdueJob.JobName, CancellationToken.None)); // done for the day
            // A run taken over after a crash (the job itself again) adds nothing either.
            await app.WithScopeAsync(sp => sp.GetServices<OpenGov.SharedKernel.Jobs.IRecurringJob>().Single(j => j.Name == DecisionOverdueJob.JobName)
                .RunAsync(app.Clock.UtcNow, CancellationToken.None));
            var overdue = await MailsAsync("meeting.decision.overdue", ids);
            var only = Assert.Single(overdue);
            Assert.Contains(ids[0].ToString("N"), only.DedupKey, StringComparison.Ordinal);
            Assert.Equal(address, only.ToAddress);

            // Two days later: the second one is overdue now and told once; the first is not told again.
            app.Clock.Advance(TimeSpan.FromDays(2));
            Assert.True(await scheduler.RunIfDueAsync(DecisionOverdueJob.JobName, CancellationToken.None));
            app.Clock.Advance(TimeSpan.FromDays(1));
            Assert.True(await scheduler.RunIfDueAsync(DecisionOverdueJob.JobName, CancellationToken.None));
            overdue = await MailsAsync("meeting.decision.overdue", ids);
            Assert.Equal(2, overdue.Count);
            Assert.Single(overdue, m => m.DedupKey!.Contains(ids[0].ToString("N"), StringComparison.Ordinal));
            Assert.Single(overdue, m => m.DedupKey!.Contains(ids[1].ToString("N"), StringComparison.Ordinal));
            Assert.DoesNotContain(overdue, m => m.DedupKey!.Contains(ids[2].ToString("N"), StringComparison.Ordinal)); // done: never overdue

            var sender = new CountingSender();
            await DeliverAsync(sender);
            var delivered = sender.Sent.Where(m => m.To == address && m.Subject.StartsWith("Échéance dépassée", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, delivered.Count);
            Assert.Single(delivered, m => m.TextBody.Contains(pastDue, StringComparison.Ordinal));
            Assert.Single(delivered, m => m.TextBody.Contains(dueTomorrow, StringComparison.Ordinal));
        }
        finally { app.Clock.Set(start); }
    }

    [Fact]
    public async Task Done_and_dropped_decisions_stay_in_a_history_filtered_by_status_committee_and_owner()
    {
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);
        var owner = Unique("Direction");
        var meeting = await NewMeetingAsync(admin, Unique("Historique"));
        var (open, done, dropped) = (Unique("Ouverte"), Unique("Faite"), Unique("Abandonnée"));
        foreach (var text in new[] { open, done, dropped })
            await AddDecisionAsync(admin, meeting, ("NewDecision.Text", text), ("NewDecision.OwnerOrganisation", owner));
        await PublishAsync(admin, meeting);
        foreach (var (text, status, note) in new[] { (done, "Done", "Publié"), (dropped, "Dropped", "Sans objet") })
            Assert.Equal(HttpStatusCode.Redirect, (await admin.PostWithTokenAsync("/meetings/decisions", "/meetings/decisions?handler=Progress",
                F(("decisionId", (await DecisionIdAsync(meeting, text)).ToString()), ("status", status), ("note", note),
                  ("view", "Done"), ("viewOwner", owner)))).StatusCode);

        var anonymous = app.CreateBrowserlikeClient();
        async Task<List<string>> Shown(string query)
        {
            var doc = await anonymous.GetDocumentAsync("/meetings/decisions?" + query);
            return doc.QuerySelectorAll("[data-testid=open-decisions] > li").Select(li => li.TextContent).ToList();
        }
        var mine = "owner=" + Uri.EscapeDataString(owner);
        Assert.Equal([open], (await Shown(mine)).Select(t => new[] { open, done, dropped }.Single(x => t.Contains(x, StringComparison.Ordinal))));
        Assert.Contains(done, Assert.Single(await Shown(mine + "&status=Done")), StringComparison.Ordinal);
        var droppedItem = Assert.Single(await Shown(mine + "&status=Dropped"));
        Assert.Contains(dropped, droppedItem, StringComparison.Ordinal);
        Assert.Contains("Sans objet", droppedItem, StringComparison.Ordinal);
        Assert.Contains("Abandonné", droppedItem, StringComparison.Ordinal);
        Assert.Equal(3, (await Shown(mine + "&status=All&committee=Implementation")).Count);
        Assert.Empty(await Shown(mine + "&status=Overdue"));

        var empty = await anonymous.GetDocumentAsync($"/meetings/decisions?{mine}&status=All&committee=Steering");
        Assert.Contains("Aucun point arrêté", empty.QuerySelector("[data-testid=decisions-empty]")!.TextContent, StringComparison.Ordinal);
        var arabic = await anonymous.GetDocumentAsync($"/meetings/decisions?{mine}&status=Done&culture=ar");
        Assert.Equal("rtl", arabic.DocumentElement.GetAttribute("dir"));
        Assert.Contains("المنجزة", arabic.QuerySelector("#status option[selected]")!.TextContent, StringComparison.Ordinal);

        // Tampered parameters read as the default view, never an error.
        var odd = await anonymous.GetAsync("/meetings/decisions?status=Nope&committee=42&cursor=AAAA");
        Assert.Equal(HttpStatusCode.OK, odd.StatusCode);
    }

    [Fact]
    public async Task A_long_history_is_keyset_paged_without_gaps_or_repeats()
    {
        var owner = Unique("Agence");
        var today = DateOnly.FromDateTime(app.Clock.UtcNow);
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 3; i++)
            {
                var m = new Meeting(Guid.NewGuid(), CommitteeKind.Steering, $"Réunion {i}", today.AddDays(-30 * i), "Rabat", false, app.Clock.UtcNow);
                for (var j = 0; j < 9; j++)
                {
                    var d = m.AddDecision($"{owner} point {i}-{j}", owner, null, null, null, j % 3 == 0 ? null : today.AddDays(j - 4));
                    if (j % 2 == 0) d.RecordProgress(DecisionStatus.Done, null, "admin", true, app.Clock.UtcNow);
                }
                m.Publish(app.Clock.UtcNow);
                db.Add(m);
            }
            await db.SaveChangesAsync();
        });
        var anonymous = app.CreateBrowserlikeClient();
        async Task<List<string>> All(string status)
        {
            var seen = new List<string>();
            var url = $"/meetings/decisions?status={status}&owner={Uri.EscapeDataString(owner)}";
            for (var pages = 0; url is not null; pages++)
            {
                Assert.True(pages < 5);
                var doc = await anonymous.GetDocumentAsync(url);
                seen.AddRange(doc.QuerySelectorAll("[data-testid=open-decisions] > li > div:first-child").Select(e => e.TextContent.Trim()));
                url = doc.QuerySelector("[data-testid=next-page]")?.GetAttribute("href");
            }
            return seen;
        }
        var all = await All("All");
        Assert.Equal(27, all.Count);
        Assert.Equal(27, all.Distinct().Count());
        var open = await All("Open");
        Assert.Equal(12, open.Count); // 4 open per meeting (j = 1, 3, 5, 7)
        Assert.Equal(12, open.Distinct().Count());
        // Earliest due first, undated last.
        var dues = await app.WithDbAsync(db => db.Set<Decision>().Where(d => d.OwnerOrganisation == owner).ToDictionaryAsync(d => d.Text, d => d.DueOn));
        var ordered = open.Select(t => dues[t] ?? DateOnly.MaxValue).ToList();
        Assert.Equal(ordered.Order().ToList(), ordered);
    }

    [Fact]
    public async Task The_handlers_keep_their_authorization()
    {
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);
        var meeting = await NewMeetingAsync(admin, Unique("Autorisations"));
        await AddDecisionAsync(admin, meeting, ("NewDecision.Text", "Point"), ("NewDecision.OwnerOrganisation", "MTNRA"));
        var decision = await DecisionIdAsync(meeting, "Point");
        await PublishAsync(admin, meeting);

        var anonymous = app.CreateBrowserlikeClient();
        Http.AssertSignInRequired(await anonymous.PostWithTokenAsync("/account/login", "/meetings/decisions?handler=Progress",
            F(("decisionId", decision.ToString()), ("status", "Done"))));
        var (member, _) = await app.SignedInClientAsync(Roles.CommitteeMember);
        CommunityApp.AssertDenied(await member.PostWithTokenAsync("/associations/register", "/meetings/decisions?handler=Progress",
            F(("decisionId", decision.ToString()), ("status", "Done"))));
        CommunityApp.AssertDenied(await member.PostWithTokenAsync("/associations/register", $"/meetings/edit/{meeting}?handler=Decision",
            F(("NewDecision.Text", "Intrus"), ("NewDecision.OwnerOrganisation", "X"), ("NewDecision.OwnerEmail", "x@example.ma"))));
        Assert.Equal(DecisionStatus.Open, await app.WithDbAsync(db => db.Set<Decision>().Where(d => d.Id == decision).Select(d => d.Status).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.Set<Decision>().AnyAsync(d => d.MeetingId == meeting && d.Text == "Intrus")));

        // A malformed owner address is a form error with the input kept, never a 500.
        var bad = await admin.SubmitFormAsync($"/meetings/edit/{meeting}", F(("NewDecision.Text", "Autre"), ("NewDecision.OwnerOrganisation", "MTNRA"),
            ("NewDecision.OwnerEmail", "pas une adresse")), "form[action*='handler=Decision']");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var form = Http.Parse(await bad.ReadTextAsync());
        Assert.Equal("pas une adresse", form.QuerySelector("#NewDecision_OwnerEmail")!.GetAttribute("value"));
        Assert.Equal("true", form.QuerySelector("#NewDecision_OwnerEmail")!.GetAttribute("aria-invalid"));
    }
}

public sealed class DecisionFollowUpTests_Sqlite(NotificationsSqliteFactory app) : DecisionFollowUpTests(app), IClassFixture<NotificationsSqliteFactory>;

[Trait("db", "postgres")]
public sealed class DecisionFollowUpTests_Postgres(NotificationsPostgresFactory app) : DecisionFollowUpTests(app), IClassFixture<NotificationsPostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class DecisionFollowUpTests_SqlServer(NotificationsSqlServerFactory app) : DecisionFollowUpTests(app), IClassFixture<NotificationsSqlServerFactory>;
