using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.SharedKernel.Demo;
using OpenGov.SharedKernel.Outbox;
using OpenGov.Tracking.Plans;
using OpenGov.Web.Identity;
using static OpenGov.IntegrationTests.Journeys.JourneyKit;

namespace OpenGov.IntegrationTests.Journeys;

/// <summary>Issue 17, tracking: focal points, reminders, information requests and the seeded plan, walked through the real
/// pages and jobs, mails read from the pickup folder.</summary>
public abstract class TrackingWalkthroughTests(OpenGovFactory app)
{
    private static readonly Guid Seeded = PlanSeed.Plan2018Id;

    private Task SeedAsync() => app.WithScopeAsync(sp =>
        sp.GetServices<IDemoSeeder>().Single(s => s.GetType().Name == "PlanDemoSeeder").SeedAsync(new DemoContext(), default));

    private Task<int> RemindAsync() => app.WithScopeAsync(sp => sp.GetRequiredService<PlanReminders>().RunAsync(default));

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>A published plan with one commitment whose activity is <paramref name="lateDays"/> days late (none if null).</summary>
    private async Task<(Guid Plan, Guid Commitment)> PlanAsync(int? lateDays)
    {
        var today = DateOnly.FromDateTime(app.Clock.UtcNow);
        return await app.WithScopeAsync(async sp =>
        {
            var admin = sp.GetRequiredService<PlanAdministration>();
            var end = lateDays is { } d ? today.AddDays(-d) : today.AddMonths(3);
            var plan = await admin.AdoptAsync(Unique("Plan focal"), 2026, 2028, null,
                [new AdoptedCommitment(1, Unique("Engagement suivi"), "Transparence", "Agence F", "", "",
                    [new(Unique("Activité"), 1, today.AddMonths(-6), end)])], "admin");
            await admin.PublishAsync(plan, "admin");
            var commitment = await sp.GetRequiredService<DbContext>().Set<Commitment>().Where(c => c.PlanId == plan).Select(c => c.Id).SingleAsync();
            return (plan, commitment);
        });
    }

    private static Task<HttpResponseMessage> SetFocalPointAsync(HttpClient admin, Guid plan, Guid commitment, string name, string email)
        => admin.SubmitFormAsync($"/plan/admin/{plan}?focal={commitment}", Fields(("ContactName", name), ("ContactEmail", email)),
            "form[action*='handler=Contact']");

    [Fact]
    public async Task The_focal_point_form_shows_the_saved_values_so_resaving_the_name_keeps_the_address_and_the_language()
    {
        var (plan, commitment) = await PlanAsync(lateDays: null);
        var address = $"{Unique("arabe")}@agence.test.opengov.ma";
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);

        // The row's edit link opens the form for that commitment.
        var list = await admin.GetDocumentAsync($"/plan/admin/{plan}");
        Assert.Null(list.QuerySelector("[data-testid=focal-point-form]"));
        var edit = list.QuerySelector("[data-testid=focal-point-edit]")!.GetAttribute("href")!;
        Assert.Equal($"/plan/admin/{plan}?focal={commitment}#focal-point-form", edit);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(edit.Split('#')[0],
            Fields(("ContactName", "Amina Point"), ("ContactEmail", address), ("ContactCulture", "ar")), "form[action*='handler=Contact']")).StatusCode);

        var form = (await admin.GetDocumentAsync(edit.Split('#')[0])).QuerySelector("[data-testid=focal-point-form]")!;
        Assert.Equal(commitment.ToString(), form.QuerySelector("input[name=CommitmentId]")!.GetAttribute("value"));
        Assert.Equal("Amina Point", form.QuerySelector("#ContactName")!.GetAttribute("value"));
        Assert.Equal(address, form.QuerySelector("#ContactEmail")!.GetAttribute("value"));
        Assert.Equal("ar", form.QuerySelector("#ContactCulture option[selected]")!.GetAttribute("value"));

        // Only the name is typed: the form's other values go back as shown.
        var page = await admin.FollowAsync(await admin.SubmitFormAsync(edit.Split('#')[0], Fields(("ContactName", "Amina Nouveau")),
            "form[action*='handler=Contact']"));
        var saved = await app.WithDbAsync(db => db.Set<Commitment>().AsNoTracking().SingleAsync(c => c.Id == commitment));
        Assert.Equal(("Amina Nouveau", address, "ar"), (saved.ContactName, saved.ContactEmail, saved.ContactCulture));
        Assert.Contains("العربية", page.QuerySelector("[data-testid=focal-point-language]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_seeded_commitment_has_a_focal_point_and_commitment_7_reminds_its_agency_in_french()
    {
        await SeedAsync();
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);
        var cells = (await admin.GetDocumentAsync($"/plan/admin/{Seeded}")).QuerySelectorAll("[data-testid=focal-point]");
        Assert.Equal(18, cells.Length);
        Assert.All(cells, c => Assert.Contains("@demo.opengov.ma", c.TextContent, StringComparison.Ordinal));

        await RemindAsync();
        var mail = await app.Mail.WaitForAsync("point-focal.inpplc@demo.opengov.ma");
        Assert.Contains("vous êtes le point focal", mail.Subject + mail.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("vous êtes le point focal (ou le chef de projet) de ces engagements", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("vous suivez cette activité", mail.Text, StringComparison.Ordinal);
        // Commitment 7 (24 %): its five late activities, each with its planned end and progress.
        Assert.Equal(5, Regex.Count(mail.Text, @"^- 7\. .+\(2020-08-31, \d+ %\)\r?$", RegexOptions.Multiline));
        // A bare address has no account: the outbox row carries the address, not a user.
        var rows = await app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Category == PlanReminders.Category && m.ToAddress == "point-focal.inpplc@demo.opengov.ma").ToListAsync());
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Null(r.RecipientUserId));
        Assert.All(rows, r => Assert.Equal("fr", r.Culture));
    }

    [Fact]
    public async Task A_focal_point_with_an_account_is_reminded_as_that_account_in_its_language_and_bad_addresses_are_refused_on_the_form()
    {
        var (plan, commitment) = await PlanAsync(lateDays: 5);
        var email = $"{Unique("focal")}@agence.test.opengov.ma";
        var userId = await app.CreateUserAsync(email, Roles.AdministrationEditor);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, "ar")));
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);

        var refused = await SetFocalPointAsync(admin, plan, commitment, "Amal Focal", "pas-une-adresse");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var form = Http.Parse(await refused.ReadTextAsync());
        Assert.Contains("adresse électronique valide", form.QuerySelector(".text-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("pas-une-adresse", form.QuerySelector("#ContactEmail")!.GetAttribute("value"));

        var page = await admin.FollowAsync(await SetFocalPointAsync(admin, plan, commitment, "Amal Focal", email));
        Assert.Contains(email, page.QuerySelector("[data-testid=focal-point]")!.TextContent, StringComparison.Ordinal);
        // Only administrators set focal points.
        Http.AssertForbidden(await (await app.SignedInClientForAsync(userId)).GetAsync($"/plan/admin/{plan}"));

        await RemindAsync();
        var mail = await app.Mail.WaitForAsync(email);
        Assert.Contains("نقطة الاتصال", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("لأنكم نقطة الاتصال أو رئيس المشروع", mail.Text, StringComparison.Ordinal);
        Assert.Contains("/unsubscribe?token=", mail.Text, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Category == PlanReminders.Category && m.RecipientUserId == userId)));
    }

    [Fact]
    public async Task A_commitment_never_updated_is_stale_counting_from_its_creation()
    {
        var (plan, commitment) = await PlanAsync(lateDays: null);
        var address = $"{Unique("stale")}@agence.test.opengov.ma";
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);
        Assert.Equal(HttpStatusCode.Redirect, (await SetFocalPointAsync(admin, plan, commitment, "Point focal", address)).StatusCode);

        await RemindAsync();
        Assert.Empty(app.Mail.To(address)); // created today: neither late nor stale

        var saved = app.Clock.GetUtcNow();
        try
        {
            app.Clock.Advance(TimeSpan.FromDays(45));
            await RemindAsync();
            var mail = await app.Mail.WaitForAsync(address);
            Assert.Contains("depuis au moins 30 jours", mail.Text, StringComparison.Ordinal);
            Assert.Matches(@"- 1\. Engagement suivi-\w+ \(45\)", mail.Text);
            Assert.DoesNotContain("depuis 0 jours", mail.Text, StringComparison.Ordinal);
        }
        finally
        {
            app.Clock.Set(saved);
        }
    }

    [Fact]
    public async Task An_information_request_mails_the_focal_point_and_its_answer_mails_the_member()
    {
        var (plan, commitment) = await PlanAsync(lateDays: null);
        var address = $"{Unique("requests")}@agence.test.opengov.ma";
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);
        await SetFocalPointAsync(admin, plan, commitment, "Point focal", address);
        var (lead, leadId, leadEmail) = await app.SignedInClientAsync(Roles.AdministrationEditor);
        await app.WithScopeAsync(sp => sp.GetRequiredService<PlanAdministration>().AssignLeadAsync(commitment, leadId, "admin"));

        var (member, _, memberEmail) = await app.SignedInClientAsync(Roles.CommitteeMember);
        var page = $"/plan/commitments/{commitment}";
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostWithTokenAsync(page, $"{page}?handler=Ask", Fields(("Question", "Quel calendrier pour la suite ?")))).StatusCode);

        var toFocal = await app.Mail.WaitForAsync(address);
        Assert.Contains("Demande d'information sur l'engagement 1", toFocal.Subject, StringComparison.Ordinal);
        Assert.Contains("Quel calendrier pour la suite ?", toFocal.Text, StringComparison.Ordinal);
        Assert.Contains($"/plan/manage/commitments/{commitment}", toFocal.Text, StringComparison.Ordinal);
        var toLead = await app.Mail.WaitForAsync(leadEmail);
        Assert.Contains("vous êtes le point focal ou le chef de projet de cet engagement", toLead.Text, StringComparison.OrdinalIgnoreCase);

        var requestId = await app.WithScopeAsync(async sp => (await sp.GetRequiredService<InformationRequests>().ThreadAsync(commitment)).Single().Id);
        var manage = $"/plan/manage/commitments/{commitment}";
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostWithTokenAsync(manage, $"{manage}?handler=Answer",
            Fields(("RequestId", requestId.ToString()), ("Answer", "Livraison en septembre.")))).StatusCode);

        var answered = await app.Mail.WaitForAsync(memberEmail, m => m.Subject.Contains("Réponse", StringComparison.Ordinal));
        Assert.Contains("Livraison en septembre.", answered.Text, StringComparison.Ordinal);
        Assert.Contains("Quel calendrier pour la suite ?", answered.Text, StringComparison.Ordinal);
        Assert.Contains($"/plan/commitments/{commitment}#requests", answered.Text, StringComparison.Ordinal);
        Assert.Contains("vous avez posé cette question", answered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seeded_activities_have_their_full_titles_and_the_reports_additional_actions_are_flagged()
    {
        await SeedAsync();
        var titles = await app.WithDbAsync(db => db.Set<Activity>().AsNoTracking()
            .Where(a => db.Set<Commitment>().Any(c => c.Id == a.CommitmentId && c.PlanId == Seeded)).Select(a => a.Title).ToListAsync());
        // Cut titles ended on a dangling word ("au profit des", "en termes", "et des"...).
        Assert.DoesNotContain(titles, t => Regex.IsMatch(t, @"\b(des|de|du|et|la|le|les|à|au|aux|pour|en termes|l’élaboration|du Budget)$"));
        Assert.Contains("Elaboration d'une circulaire du chef de gouvernement invitant les administrations et établissements publics à désigner les chargés de l'information", titles);

        var ten = await app.WithDbAsync(db => db.Set<Commitment>().Where(c => c.PlanId == Seeded && c.Number == 10).Select(c => c.Id).SingleAsync());
        var doc = await app.CreateBrowserlikeClient().GetDocumentAsync($"/plan/commitments/{ten}");
        var flagged = doc.QuerySelectorAll("li").Where(li => li.QuerySelector(".badge.text-bg-info") is not null).ToList();
        Assert.Contains(flagged, li => li.TextContent.Contains("Préparation du rapport de synthèse au titre de l’année 2019", StringComparison.Ordinal));
        Assert.DoesNotContain("Actions supplémentaires réalisées", doc.Body!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class TrackingWalkthroughTests_Sqlite(SqliteFactory app) : TrackingWalkthroughTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class TrackingWalkthroughTests_Postgres(PostgresFactory app) : TrackingWalkthroughTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class TrackingWalkthroughTests_SqlServer(SqlServerFactory app) : TrackingWalkthroughTests(app), IClassFixture<SqlServerFactory>;
