using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.SharedKernel.Jobs;
using OpenGov.SharedKernel.Outbox;
using OpenGov.Tracking.Plans;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Tracking;

public abstract class PlanTrackingTests<TFactory>(TrackingFixture<TFactory> f) where TFactory : OpenGovFactory, new()
{
    private static readonly Guid Seeded = PlanSeed.Plan2018Id;
    private static readonly int[] PublishedRates = [100, 100, 95, 96, 100, 95, 24, 100, 100, 95, 98, 100, 25, 26, 63, 100, 99, 97];

    private Task<HttpClient> LeadAAsync() => f.Base.SignedInClientForAsync(f.LeadA);
    private Task<HttpClient> LeadBAsync() => f.Base.SignedInClientForAsync(f.LeadB);

    [Fact]
    public async Task Seeded_plan_reproduces_the_published_rates_from_the_database()
    {
        var p = await f.WithScopeAsync(sp => sp.GetRequiredService<PlanQueries>().ProgressAsync(Seeded, false, default));
        Assert.NotNull(p);
        Assert.Equal(PublishedRates.Select(r => (double)r), p!.Commitments.Select(c => Math.Round(c.Rate)));
        Assert.Equal([98.0, 80, 74, 72, 97], p.Axes.Select(a => Math.Round(a.Rate)));
        Assert.Equal(84, Math.Round(p.Overall));
    }

    [Fact]
    public async Task Api_returns_the_unrounded_rates_in_camel_case()
    {
        var response = await f.Client().GetAsync($"/api/v1/plans/{Seeded}/progress");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(84.0556, root.GetProperty("overall").GetDouble(), 3);
        var axes = root.GetProperty("axes").EnumerateArray().ToList();
        Assert.Equal(5, axes.Count);
        Assert.Equal("Accès à l'information", axes[0].GetProperty("name").GetString());
        Assert.Equal(97.6667, axes[0].GetProperty("rate").GetDouble(), 3);
        Assert.Equal(79.75, axes[1].GetProperty("rate").GetDouble(), 6);
        var commitments = root.GetProperty("commitments").EnumerateArray().ToList();
        Assert.Equal(18, commitments.Count);
        Assert.Equal(7, commitments[6].GetProperty("number").GetInt32());
        Assert.Equal(24, commitments[6].GetProperty("rate").GetDouble(), 6);
        Assert.Equal("Intégrité et lutte contre la corruption", commitments[6].GetProperty("axis").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await f.Client().GetAsync($"/api/v1/plans/{Guid.NewGuid()}/progress")).StatusCode);
    }

    [Fact]
    public async Task Dashboard_shows_accessible_bars_with_text_values_and_filters()
    {
        var doc = await f.Client().GetDocumentAsync($"/plan/{Seeded}");
        var overall = doc.QuerySelector("#overall-rate [role=progressbar]")!;
        Assert.Equal("84", overall.GetAttribute("aria-valuenow"));
        Assert.Contains("84 %", doc.QuerySelector("#overall-rate")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["98", "80", "74", "72", "97"], doc.QuerySelectorAll(".plan-rates [role=progressbar]").Select(e => e.GetAttribute("aria-valuenow")!));
        Assert.Contains("moyenne", doc.QuerySelector("#rules")!.ParentElement!.TextContent, StringComparison.Ordinal);

        var limited = await f.Client().GetDocumentAsync($"/plan/{Seeded}?level=Limited");
        Assert.Equal(["7", "13", "14"], limited.QuerySelectorAll(".plan-commitments > li").Select(e => e.GetAttribute("data-number")!));
        // Seeded activities ended in 2020; those not complete are highlighted as late.
        Assert.All(limited.QuerySelectorAll(".plan-commitments > li"), li => Assert.Contains("plan-late", li.ClassName, StringComparison.Ordinal));

        var arabic = await f.Client().GetDocumentAsync($"/plan/{Seeded}?culture=ar");
        Assert.Equal("rtl", arabic.DocumentElement.GetAttribute("dir"));
        Assert.Contains("التقدم الإجمالي", arabic.QuerySelector("#overall")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lead_cannot_edit_another_agencys_commitment_on_any_handler()
    {
        var client = await LeadAAsync();
        var own = $"/plan/manage/commitments/{f.CommitmentA}";
        var other = $"/plan/manage/commitments/{f.CommitmentB}";
        Http.AssertForbidden(await client.GetAsync(other));
        var forms = new Dictionary<string, Dictionary<string, string>>
        {
            ["Progress"] = new() { ["ActivityId"] = f.ActivityB1.ToString(), ["Percent"] = "100" },
            ["Action"] = new() { ["ActivityId"] = f.ActivityB1.ToString(), ["Description"] = "Intrusion" },
            ["Cancel"] = new() { ["ActivityId"] = f.ActivityB1.ToString(), ["Reason"] = "Intrusion" },
            ["Communication"] = new() { ["CommAction"] = "Intrusion" },
            ["SelfAssessment"] = new() { ["Results"] = "Intrusion" },
            ["Weights"] = new() { [$"Weights[{f.ActivityB1}]"] = "9" },
            ["Answer"] = new() { ["RequestId"] = Guid.NewGuid().ToString(), ["Answer"] = "Intrusion" },
        };
        foreach (var (handler, fields) in forms)
        {
            var response = await client.PostWithTokenAsync(own, $"{other}?handler={handler}", fields);
            Http.AssertForbidden(response, handler);
        }
        var b = await f.WithScopeAsync(sp => sp.GetRequiredService<PlanQueries>().CommitmentAsync(f.CommitmentB, false, default));
        Assert.Equal(0, b!.Rate);
        Assert.Empty(b.CommunicationActions);
        Assert.Equal("", b.Results);
        Assert.All(b.Activities, a => Assert.Empty(a.Actions));
        var history = await f.WithScopeAsync(sp => sp.GetRequiredService<PlanQueries>().HistoryAsync(f.CommitmentB, 50, default));
        Assert.DoesNotContain(history, h => h.UserId == f.LeadA);

        // Not a project lead at all (no AdministrationEditor role): refused by the policy.
        Http.AssertForbidden(await (await f.Base.SignedInClientAsync(Roles.CommitteeMember)).Client.GetAsync(own));
        Http.AssertSignInRequired(await f.Client().GetAsync("/plan/manage"));
    }

    [Fact]
    public async Task A_lead_reports_progress_and_the_public_rates_history_and_last_update_follow()
    {
        var client = await LeadAAsync();
        var page = $"/plan/manage/commitments/{f.CommitmentA}";
        var before = await f.WithScopeAsync(sp => sp.GetRequiredService<PlanQueries>().CommitmentAsync(f.CommitmentA, false, default));
        var target = before!.Activities[0].Percent == 70 ? 80 : 70;
        var response = await client.PostWithTokenAsync(page, $"{page}?handler=Progress", new Dictionary<string, string>
        {
            ["ActivityId"] = f.ActivityA1.ToString(), ["Percent"] = target.ToString(System.Globalization.CultureInfo.InvariantCulture), ["NotDone"] = "", ["Difficulties"] = "Retard de signature",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Http.Parse(await response.ReadTextAsync()).QuerySelector(".alert-danger")?.TextContent);

        var after = await f.WithScopeAsync(sp => sp.GetRequiredService<PlanQueries>().CommitmentAsync(f.CommitmentA, false, default));
        Assert.NotEqual(before.Rate, after!.Rate);
        var a = after.Activities;
        Assert.Equal((a[0].Weight * target + a[1].Weight * a[1].Percent) / (a[0].Weight + a[1].Weight), after.Rate, 9);
        var pub = await f.Client().GetDocumentAsync($"/plan/commitments/{f.CommitmentA}");
        Assert.Equal(Math.Round(after.Rate, MidpointRounding.AwayFromZero).ToString(System.Globalization.CultureInfo.InvariantCulture),
            pub.QuerySelector("#commitment-rate [role=progressbar]")!.GetAttribute("aria-valuenow"));
        Assert.NotNull(pub.QuerySelector("#last-updated time"));
        Assert.Contains("Retard de signature", pub.Body!.TextContent, StringComparison.Ordinal);

        var history = await f.WithScopeAsync(sp => sp.GetRequiredService<PlanQueries>().HistoryAsync(f.CommitmentA, 10, default));
        Assert.Contains(history, h => h.Kind == "progress" && h.UserId == f.LeadA && h.Summary.Contains($"→ {target} %", StringComparison.Ordinal));

        // Bad input: a clear message on the form, no 500, the typed value kept.
        var bad = await client.PostWithTokenAsync(page, $"{page}?handler=Progress", new Dictionary<string, string>
        {
            ["ActivityId"] = f.ActivityA1.ToString(), ["Percent"] = "140",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badDoc = Http.Parse(await bad.ReadTextAsync());
        Assert.NotNull(badDoc.QuerySelector(".alert-danger"));
        Assert.Equal("140", badDoc.QuerySelector($"#pct-{f.ActivityA1}")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Weights_are_locked_once_published_until_an_administrator_reopens_them()
    {
        var page = $"/plan/manage/commitments/{f.CommitmentA}";
        var locked = await (await LeadAAsync()).PostWithTokenAsync(page, $"{page}?handler=Weights", new Dictionary<string, string> { [$"Weights[{f.ActivityA1}]"] = "3" });
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.NotNull(Http.Parse(await locked.ReadTextAsync()).QuerySelector(".alert-danger"));

        var (admin, _) = await f.Base.SignedInClientAsync(Roles.Administrator);
        var adminPage = $"/plan/admin/{f.PlanT}";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostWithTokenAsync(adminPage, $"{adminPage}?handler=ReopenWeights", new Dictionary<string, string>())).StatusCode);
        var open = await (await LeadAAsync()).PostWithTokenAsync(page, $"{page}?handler=Weights", new Dictionary<string, string> { [$"Weights[{f.ActivityA1}]"] = "3" });
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        var a = await f.WithScopeAsync(sp => sp.GetRequiredService<PlanQueries>().CommitmentAsync(f.CommitmentA, false, default));
        Assert.Equal(3, a!.Activities[0].Weight);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostWithTokenAsync(adminPage, $"{adminPage}?handler=LockWeights", new Dictionary<string, string>())).StatusCode);
        // The admin pages are for administrators only.
        Http.AssertForbidden(await (await LeadAAsync()).GetAsync(adminPage));
    }

    [Fact]
    public async Task Reminder_job_sends_one_mail_per_lead_per_period()
    {
        var first = await f.WithScopeAsync(sp => sp.GetRequiredService<PlanReminders>().RunAsync(default));
        var second = await f.WithScopeAsync(sp => sp.GetRequiredService<PlanReminders>().RunAsync(default));
        var scheduled = await f.WithScopeAsync(async sp =>
        {
            var job = sp.GetServices<IRecurringJob>().Single(j => j.Name == "plan-reminders");
            await job.RunAsync(f.Clock.UtcNow, default);
            return 0;
        });
        // The seeded plan's focal points are reminded too (see TrackingWalkthroughTests); Plan T's leads get one each.
        var leads = new[] { f.LeadA, f.LeadB };
        var mails = await f.WithScopeAsync(sp => sp.GetRequiredService<DbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Category == PlanReminders.Category && leads.Contains(m.RecipientUserId)).ToListAsync());
        Assert.True(first >= 2);
        Assert.Equal(0, second);
        Assert.Equal(2, mails.Count);
        Assert.Equal(new[] { f.LeadA, f.LeadB }.Order(), mails.Select(m => m.RecipientUserId!).Order());
        Assert.All(mails, m => Assert.Equal(PlanReminders.Template, m.Template));
        var toB = mails.Single(m => m.RecipientUserId == f.LeadB);
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(toB.ValuesJson!)!;
        Assert.Contains("B1 en retard", values["late"], StringComparison.Ordinal);
        Assert.DoesNotContain("A2", values["late"], StringComparison.Ordinal);
        Assert.EndsWith("/plan/manage", values["url"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docx_report_parses_back_with_the_rates()
    {
        var response = await f.Client().GetAsync($"/plan/{Seeded}/report.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        var text = string.Join("\n", doc.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        Assert.Contains("Avancement global : 84 %", text, StringComparison.Ordinal);
        var cells = doc.MainDocumentPart.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList();
        foreach (var rate in new[] { "98 %", "80 %", "74 %", "72 %", "97 %", "24 %", "63 %" }) Assert.Contains(rate, cells);
        Assert.Contains("Organisme responsable", text, StringComparison.Ordinal);
        Assert.Contains("Archives du Maroc", text, StringComparison.Ordinal);

        var html = await f.Client().GetDocumentAsync($"/plan/{Seeded}/report");
        Assert.Contains("84 %", html.QuerySelector("#report-overall")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(18, html.QuerySelectorAll("#report-commitments tbody tr").Length);
    }

    [Fact]
    public async Task Self_assessment_passes_the_validator_in_each_language_with_descriptions_charts_and_additional_actions()
    {
        var extra = "Atelier hors plan " + Guid.NewGuid().ToString("N")[..6];
        var description = await f.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            var commitment = await db.Set<Commitment>().Include(c => c.Activities).ThenInclude(a => a.Actions)
                .Where(c => c.PlanId == Seeded).OrderBy(c => c.Number).FirstAsync();
            db.Add(commitment.Activities.OrderBy(a => a.Order).First().AddAction(extra, null, null, additional: true));
            await db.SaveChangesAsync();
            return commitment.Description;
        });
        Assert.False(string.IsNullOrWhiteSpace(description));
        foreach (var language in new[] { "fr", "ar", "en" })
        {
            var response = await f.Client().GetAsync($"/plan/{Seeded}/report.docx?culture={language}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var doc = WordAssert.Valid(await response.Content.ReadAsByteArrayAsync(), $"self-assessment ({language})");
            // Rates by axis, by commitment, and each commitment's activities.
            Assert.True(WordAssert.BarCharts(doc) >= 2 + 18, $"{WordAssert.BarCharts(doc)} charts");
            var text = string.Join("\n", doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
            Assert.Contains(description.Split('\n')[0].Trim(), text, StringComparison.Ordinal);
            if (language == "ar") WordAssert.RightToLeft(doc);
            if (language == "fr")
            {
                Assert.Contains($"• {extra} (Action additionnelle)", text, StringComparison.Ordinal);
                foreach (var heading in new[] { "Description", "Activités", "Avancement", "Résultats obtenus", "Prochaines étapes" })
                    Assert.Contains(doc.MainDocumentPart.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>(),
                        p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading3" && p.InnerText == heading);
            }
        }
        var json = JsonSerializer.Deserialize<PlanFile>(await f.Client().GetStringAsync($"/plan/{Seeded}/export.json"), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Contains(json.Axes.SelectMany(a => a.Commitments).SelectMany(c => c.Activities), a => a.AdditionalActions?.Contains(extra) == true);
    }

    [Fact]
    public async Task Csv_and_json_exports_carry_every_activity()
    {
        var csv = await (await f.Client().GetAsync($"/plan/{Seeded}/export.csv")).Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("axis,commitment_number", lines[0], StringComparison.Ordinal);
        var json = await f.Client().GetStringAsync($"/plan/{Seeded}/export.json");
        var file = JsonSerializer.Deserialize<PlanFile>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal(18, file.Axes.Sum(a => a.Commitments.Count));
        Assert.Equal(file.Axes.Sum(a => a.Commitments.Sum(c => c.Activities.Count)), lines.Length - 1);
    }

    [Fact]
    public async Task Committee_members_ask_leads_answer_and_the_thread_stays_within_the_committee()
    {
        var (member, _) = await f.Base.SignedInClientAsync(Roles.CommitteeMember);
        var page = $"/plan/commitments/{f.CommitmentB}";
        var asked = await member.PostWithTokenAsync(page, $"{page}?handler=Ask", new Dictionary<string, string> { ["Question"] = "Quel calendrier pour B2 ?" });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Null((await f.Client().GetDocumentAsync(page)).QuerySelector("#requests"));
        // A citizen cannot ask.
        var (citizen, _) = await f.Base.SignedInClientAsync(Roles.Citizen);
        Http.AssertForbidden(await citizen.PostWithTokenAsync(page, $"{page}?handler=Ask", new Dictionary<string, string> { ["Question"] = "?" }));

        var requestId = await f.WithScopeAsync(async sp => (await sp.GetRequiredService<InformationRequests>().ThreadAsync(f.CommitmentB)).Single().Id);
        var manage = $"/plan/manage/commitments/{f.CommitmentB}";
        var answered = await (await LeadBAsync()).PostWithTokenAsync(manage, $"{manage}?handler=Answer", new Dictionary<string, string> { ["RequestId"] = requestId.ToString(), ["Answer"] = "Septembre." });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var thread = await member.GetDocumentAsync(page);
        Assert.Contains("Septembre.", thread.QuerySelector("#requests")!.TextContent, StringComparison.Ordinal);

        // A request left open longer than the configured days is flagged.
        var now = f.Clock.GetUtcNow();
        f.Clock.Set(now.AddDays(-20));
        try { await member.PostWithTokenAsync(page, $"{page}?handler=Ask", new Dictionary<string, string> { ["Question"] = "Et le budget ?" }); }
        finally { f.Clock.Set(now); }
        var flagged = await (await LeadBAsync()).GetDocumentAsync("/plan/manage");
        Assert.NotNull(flagged.QuerySelector(".alert-warning .badge.text-bg-danger"));
    }

    [Fact]
    public async Task User_text_is_rendered_inert()
    {
        const string payload = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        var page = $"/plan/manage/commitments/{f.CommitmentA}";
        var response = await (await LeadAAsync()).PostWithTokenAsync(page, $"{page}?handler=Communication", new Dictionary<string, string>
        {
            ["CommAction"] = payload, ["CommAudience"] = payload, ["CommIndicators"] = payload,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        foreach (var url in new[] { $"/plan/commitments/{f.CommitmentA}", $"/plan/{f.PlanT}/report" })
        {
            var doc = await f.Client().GetDocumentAsync(url);
            Assert.Contains(payload, doc.Body!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(doc.QuerySelectorAll("script"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
            Assert.Empty(doc.QuerySelectorAll("img[onerror]"));
        }
    }
}

public sealed class PlanTrackingTests_Sqlite(TrackingSqliteFixture f) : PlanTrackingTests<SqliteFactory>(f), IClassFixture<TrackingSqliteFixture>;

[Trait("db", "postgres")]
public sealed class PlanTrackingTests_Postgres(TrackingPostgresFixture f) : PlanTrackingTests<PostgresFactory>(f), IClassFixture<TrackingPostgresFixture>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class PlanTrackingTests_SqlServer(TrackingSqlServerFixture f) : PlanTrackingTests<SqlServerFactory>(f), IClassFixture<TrackingSqlServerFixture>;
