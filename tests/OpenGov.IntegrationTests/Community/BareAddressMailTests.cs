using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Meetings;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.IntegrationTests.Notifications;
using OpenGov.IntegrationTests.Journeys;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Outbox;
using OpenGov.Tracking.Plans;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure.Mail;
using OpenGov.Web.Infrastructure.Notifications;

namespace OpenGov.IntegrationTests.Community;

using static MeetingKit;

/// <summary>
/// Issue 17: a bare address (a decision's owner, a commitment's focal point) is mailed in the language chosen beside it, and
/// a decision's owner address becomes the account that later confirms it. Mails go over a real SMTP conversation. On each database.
/// </summary>
public abstract class BareAddressMailTests(OpenGovFactory app)
{
    private static Dictionary<string, string> F(params (string Key, string Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value);

    private static string Unique(string prefix) => prefix + " " + Guid.NewGuid().ToString("N")[..8];

    private static string Address(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..14] + "@example.ma";

    private Task<int> DeliverAsync(IMailSender sender) => app.WithScopeAsync(sp =>
        ActivatorUtilities.CreateInstance<OutboxDelivery>(sp, sender).DeliverAllDueAsync("bare-address-tests"));

    /// <summary>Delivers whatever is pending over SMTP and returns what the peer received, parsed.</summary>
    private async Task<List<(string To, ReceivedMail Mail)>> DeliverOverSmtpAsync()
    {
        await using var sink = new SmtpSink();
        var smtp = SmtpTo(app, sink);
        await DeliverAsync(smtp);
        return sink.Received.Select(r => (r.To.Single(), MailFolder.Parse(r.Data))).ToList();
    }

    private static ReceivedMail To(List<(string To, ReceivedMail Mail)> received, string address, string subjectPart)
        => Assert.Single(received, r => r.To.Contains(address, StringComparison.OrdinalIgnoreCase) && r.Mail.Subject.Contains(subjectPart, StringComparison.Ordinal)).Mail;


    private static Task<HttpResponseMessage> AddDecisionAsync(HttpClient admin, Guid meeting, params (string Key, string Value)[] fields)
        => admin.SubmitFormAsync($"/meetings/edit/{meeting}", F(fields), "form[action*='handler=Decision']");


    private Task<Decision> DecisionAsync(Guid meeting, string text)
        => app.WithDbAsync(db => db.Set<Decision>().AsNoTracking().SingleAsync(d => d.MeetingId == meeting && d.Text == text));

    private Task RunOverdueJobAsync() => app.WithScopeAsync(sp => sp.GetServices<OpenGov.SharedKernel.Jobs.IRecurringJob>()
        .Single(j => j.Name == DecisionOverdueJob.JobName).RunAsync(app.Clock.UtcNow, CancellationToken.None));

    [Fact]
    public async Task An_owner_address_set_to_arabic_gets_the_assignment_and_the_overdue_mail_in_arabic()
    {
        await DeliverAsync(new CountingSender()); // what other tests left pending
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);
        var today = DateOnly.FromDateTime(app.Clock.UtcNow);
        var title = Unique("Comité arabe");
        var meeting = await NewMeetingAsync(admin, title);
        var (text, address) = (Unique("Traduire le plan"), Address("ar"));

        // A language the site does not offer is refused on the form, the input kept.
        var refused = await AddDecisionAsync(admin, meeting, ("NewDecision.Text", text), ("NewDecision.OwnerOrganisation", "Ministère"),
            ("NewDecision.OwnerEmail", address), ("NewDecision.OwnerEmailCulture", "de"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var form = Http.Parse(await refused.ReadTextAsync());
        Assert.Contains("langue des courriels", form.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(address, form.QuerySelector("#NewDecision_OwnerEmail")!.GetAttribute("value"));

        Assert.Equal(HttpStatusCode.Redirect, (await AddDecisionAsync(admin, meeting, ("NewDecision.Text", text),
            ("NewDecision.OwnerOrganisation", "Ministère"), ("NewDecision.OwnerEmail", address), ("NewDecision.OwnerEmailCulture", "ar"),
            ("NewDecision.DueOn", today.AddDays(-1).ToString("yyyy-MM-dd")))).StatusCode);
        var decision = await DecisionAsync(meeting, text);
        Assert.Equal(("ar", (string?)null), (decision.OwnerEmailCulture, decision.OwnerUserId));

        await PublishAsync(admin, meeting);
        await RunOverdueJobAsync();
        var received = await DeliverOverSmtpAsync();

        var assigned = To(received, address, "نقطة متفق عليها تحت مسؤوليتكم");
        Assert.Contains(title, assigned.Subject, StringComparison.Ordinal);
        Assert.Contains(text, assigned.Text, StringComparison.Ordinal);
        Assert.Contains("2 نونبر 2026", assigned.Text, StringComparison.Ordinal); // the meeting's day, in Arabic (SiteDates)
        Assert.Contains("لأن لجنة عينتكم مسؤولين", assigned.Text, StringComparison.Ordinal); // the footer's reason
        Assert.Contains("dir=\"rtl\"", assigned.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Point arrêté", assigned.Subject + assigned.Text, StringComparison.Ordinal);

        var overdue = To(received, address, "تجاوز الأجل");
        Assert.Contains(text, overdue.Text, StringComparison.Ordinal);
        Assert.Contains("لأن لجنة عينتكم مسؤولين", overdue.Text, StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\"", overdue.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_focal_point_set_to_english_gets_the_english_reminder()
    {
        await DeliverAsync(new CountingSender());
        var today = DateOnly.FromDateTime(app.Clock.UtcNow);
        var (plan, commitment) = await app.WithScopeAsync(async sp =>
        {
            var plans = sp.GetRequiredService<PlanAdministration>();
            var id = await plans.AdoptAsync(Unique("Plan anglais"), 2026, 2028, null,
                [new AdoptedCommitment(1, Unique("Engagement suivi"), "Transparence", "Agence E", "", "",
                    [new(Unique("Activité"), 1, today.AddMonths(-6), today.AddDays(-5))])], "admin");
            await plans.PublishAsync(id, "admin");
            return (id, await sp.GetRequiredService<DbContext>().Set<Commitment>().Where(c => c.PlanId == id).Select(c => c.Id).SingleAsync());
        });
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);
        var address = Address("en");
        var saved = await admin.SubmitFormAsync($"/plan/admin/{plan}?focal={commitment}", F(("ContactName", "Focal Point"),
            ("ContactEmail", address), ("ContactCulture", "en")), "form[action*='handler=Contact']");
        var page = await admin.FollowAsync(saved);
        Assert.Contains("English", page.QuerySelector("[data-testid=focal-point-language]")!.TextContent, StringComparison.Ordinal);

        await app.WithScopeAsync(sp => sp.GetRequiredService<PlanReminders>().RunAsync(default));
        var reminder = To(await DeliverOverSmtpAsync(), address, "Reminder: you are the focal point");
        Assert.Contains("Late activities", reminder.Text, StringComparison.Ordinal);
        Assert.Contains("because you are the focal point or project lead of these commitments", reminder.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("point focal", reminder.Text, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", reminder.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_owner_address_becomes_the_account_that_confirms_it()
    {
        await DeliverAsync(new CountingSender());
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);
        var today = DateOnly.FromDateTime(app.Clock.UtcNow);
        var meeting = await NewMeetingAsync(admin, Unique("Comité lié"));
        var (text, ownerName, address) = (Unique("Ouvrir les données"), Unique("Mme Future"), Address("li"));
        // Typed in capitals by the secretary, registered in lower case by the owner: the same address.
        Assert.Equal(HttpStatusCode.Redirect, (await AddDecisionAsync(admin, meeting, ("NewDecision.Text", text),
            ("NewDecision.OwnerName", ownerName), ("NewDecision.OwnerEmail", address.ToUpperInvariant()), ("NewDecision.OwnerEmailCulture", "ar"),
            ("NewDecision.DueOn", today.AddDays(1).ToString("yyyy-MM-dd")))).StatusCode);
        await PublishAsync(admin, meeting);
        Assert.Contains(await DeliverOverSmtpAsync(), r => r.To.Contains(address, StringComparison.OrdinalIgnoreCase)
            && r.Mail.Subject.Contains("نقطة متفق عليها", StringComparison.Ordinal)); // before: the bare address, in Arabic

        // The owner registers with the site in English, then confirms the address from the mail.
        var owner = app.CreateBrowserlikeClient();
        await owner.PostAsync("/culture", new FormUrlEncodedContent(F(("culture", "en"), ("returnUrl", "/"))));
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitFormAsync("/account/register", F(("Input.Email", address),
            ("Input.DisplayName", ownerName), ("Input.Password", OpenGovFactory.Password), ("Input.ConfirmPassword", OpenGovFactory.Password)))).StatusCode);
        var sender = new CountingSender();
        await DeliverAsync(sender);
        var confirmation = Assert.Single(sender.Sent, m => m.To == address);
        var link = Regex.Match(confirmation.TextBody, @"https?://[^\s/]+(?<local>/account/confirm-email\?\S+)");
        Assert.True(link.Success, confirmation.TextBody);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == address).Select(u => u.Id).SingleAsync());
        Assert.Null((await DecisionAsync(meeting, text)).OwnerUserId); // not before the address is confirmed

        Assert.NotNull((await owner.GetDocumentAsync(link.Groups["local"].Value)).QuerySelector("[data-testid=email-confirmed]"));
        var decision = await DecisionAsync(meeting, text);
        Assert.Equal(userId, decision.OwnerUserId);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(a =>
            a.Action == "meeting.decision-owner-linked" && a.TargetId == decision.Id.ToString() && a.ActorUserId == userId)));
        // Opening the link again links nothing twice.
        await owner.GetDocumentAsync(link.Groups["local"].Value);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(a => a.Action == "meeting.decision-owner-linked" && a.TargetId == decision.Id.ToString())));

        // In the follow-up filtered to them, the decision is theirs: they may record its progress.
        var signedIn = await app.SignedInClientForAsync(userId);
        var followUp = await signedIn.GetDocumentAsync("/meetings/decisions?owner=" + Uri.EscapeDataString(ownerName));
        var item = Assert.Single(followUp.QuerySelectorAll("[data-testid=open-decisions] li"), li => li.TextContent.Contains(text, StringComparison.Ordinal));
        Assert.NotNull(item.QuerySelector($"form input[name=decisionId][value='{decision.Id}']"));

        // Later mails go to the account, in its language (English), not to the bare address in Arabic.
        var start = app.Clock.UtcNow;
        app.Clock.Advance(TimeSpan.FromDays(3));
        try
        {
            await RunOverdueJobAsync();
            var overdue = Assert.Single(await app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.Category == "meeting.decision.overdue" && m.DedupKey!.Contains(decision.Id.ToString("N"))).ToListAsync()));
            Assert.Equal((userId, (string?)null), (overdue.RecipientUserId, overdue.ToAddress));
            var mail = To(await DeliverOverSmtpAsync(), address, "Past due");
            Assert.Contains(text, mail.Text, StringComparison.Ordinal);
            Assert.Contains("because a committee made you responsible for this decision", mail.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("تجاوز الأجل", mail.Subject, StringComparison.Ordinal);
        }
        finally { app.Clock.Set(start); }
    }
}

public sealed class BareAddressMailTests_Sqlite(NotificationsSqliteFactory app) : BareAddressMailTests(app), IClassFixture<NotificationsSqliteFactory>;

[Trait("db", "postgres")]
public sealed class BareAddressMailTests_Postgres(NotificationsPostgresFactory app) : BareAddressMailTests(app), IClassFixture<NotificationsPostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class BareAddressMailTests_SqlServer(NotificationsSqlServerFactory app) : BareAddressMailTests(app), IClassFixture<NotificationsSqlServerFactory>;
