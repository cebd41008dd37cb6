using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Sheets;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Sheets;

/// <summary>Commitment sheets in fr/ar/en: the agency's editors (and administrators) translate the draft side by side, a
/// published version freezes the translations, the sheet page shows the visitor's language or the marked French original,
/// search and the API see every language, and snapshots written before translations existed still read.</summary>
public abstract class SheetTranslationTests(OpenGovFactory app)
{
    private const string ArabicTitle = "بطاقة الميزانية المفتوحة";
    private const string ArabicProblem = "المعطيات الميزانياتية المحلية غير منشورة";

    private static KeyValuePair<string, string> F(string k, string v) => new(k, v);

    // Field order of the form (SheetContent.Texts): title, project lead, government actors, civil society actors, problem,
    // status quo, commitment, how it solves, values, then activities and indicators.
    private const int TitleField = 0, ProblemField = 4, CommitmentField = 6, FirstActivityField = 9;

    [Fact]
    public async Task Editors_translate_side_by_side_and_a_translation_only_revision_shows_it_with_the_french_fallback_marked()
    {
        var (agency, editor, editorId) = await app.AgencyWithEditorAsync();
        var sheet = await app.PublishedSheetAsync(agency, editorId, SheetsTestKit.Content("Fiche budgétaire ouverte " + Guid.NewGuid().ToString("N")[..6], "Former les agents"));
        var page = $"/sheets/{sheet}";
        var form = $"/admin/translations/sheet/{sheet}";

        // Neither an editor of another agency nor a citizen reaches the form, by GET or POST.
        var (_, outsider, _) = await app.AgencyWithEditorAsync();
        var (citizen, _) = await app.SignedInClientAsync();
        foreach (var other in new[] { outsider, citizen })
        {
            Http.AssertForbidden(await other.GetAsync(form));
            var token = await other.TokenAsync(page);
            Http.AssertForbidden(await other.PostAsync(form, new FormUrlEncodedContent([F("Fr[0]", "Piraté"), F("__RequestVerificationToken", token)])));
        }

        // A citizen's comment on the problem stays open through a revision that only translates.
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.PostFormAsync(page, $"{page}?handler=Comment",
            [F("Comment.Section", SheetSections.Problem), F("Comment.Body", "Préciser les communes concernées")])).StatusCode);

        var shown = await editor.GetDocumentAsync(form);
        Assert.Equal(FirstActivityField + 1, shown.QuerySelectorAll("[data-testid=translation-field]").Length);
        Assert.NotNull(shown.QuerySelector($"input[name='Ar[{TitleField}]'][dir=rtl][lang=ar]"));
        Assert.NotNull(shown.QuerySelector($"textarea[name='Ar[{ProblemField}]'][dir=rtl][lang=ar]"));
        Assert.NotNull(shown.QuerySelector("[data-testid=translation-note]"));
        Assert.Contains("ar 0/4", shown.QuerySelector("[data-testid=translation-coverage]")!.TextContent, StringComparison.Ordinal);

        // A line break in a single-line translation is refused on the form, the typed text kept, nothing saved.
        var refused = await editor.SubmitFormAsync(form, new Dictionary<string, string> { [$"Ar[{TitleField}]"] = "سطر\nثان", [$"Ar[{ProblemField}]"] = ArabicProblem });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedDoc = Http.Parse(await refused.Content.ReadAsStringAsync());
        Assert.NotNull(refusedDoc.QuerySelector("[data-valmsg-summary]"));
        Assert.Equal(ArabicProblem, refusedDoc.QuerySelector($"textarea[name='Ar[{ProblemField}]']")!.TextContent.Trim());
        Assert.Null((await DraftAsync(sheet)).Ar);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitFormAsync(form, new Dictionary<string, string>
        {
            [$"Ar[{TitleField}]"] = ArabicTitle,
            [$"Ar[{ProblemField}]"] = ArabicProblem,
            [$"En[{TitleField}]"] = "Open budget sheet",
        })).StatusCode);
        var editorPage = await editor.GetDocumentAsync(page);
        Assert.Contains("ar 2/4", editorPage.QuerySelector("[data-testid=translation-status]")!.TextContent, StringComparison.Ordinal);

        // Still a draft: the public version is the French one, marked as such in Arabic.
        var before = await app.CreateBrowserlikeClient().GetDocumentAsync($"{page}?culture=ar");
        Assert.NotNull(before.QuerySelector("#sheet-title span[lang=fr][dir=ltr]"));
        Assert.Null(before.QuerySelector("[data-testid=translation-status]"));

        var publish = $"/sheets/{sheet}/publish";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(publish, publish, [F("ChangeNote", "Traduction arabe")])).StatusCode);
        Assert.Equal(CommentHandling.Open, await app.WithDbAsync(db => db.Set<SheetComment>().Where(c => c.SheetId == sheet).Select(c => c.Handling).SingleAsync()));

        var ar = await app.CreateBrowserlikeClient().GetDocumentAsync($"{page}?culture=ar");
        var h1 = ar.QuerySelector("#sheet-title")!;
        Assert.Equal(ArabicTitle, h1.TextContent.Trim());
        Assert.Null(h1.QuerySelector("[lang]"));
        Assert.Contains(ArabicTitle, ar.Title!, StringComparison.Ordinal);
        var problem = ar.QuerySelector($"[data-field={SheetSections.Problem}]")!;
        Assert.Contains(ArabicProblem, problem.TextContent, StringComparison.Ordinal);
        Assert.Null(problem.QuerySelector(".official-original"));
        // The commitment has no Arabic text: the French original, marked, with the note in Arabic.
        var commitment = ar.QuerySelector($"[data-field={SheetSections.Commitment}]")!;
        Assert.Contains("Publier les données budgétaires locales.", commitment.QuerySelector("div[lang=fr][dir=ltr]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("النص الأصلي بالفرنسية", commitment.QuerySelector(".official-original")!.TextContent, StringComparison.Ordinal);
        // Empty fields show nothing, so nothing is marked as French.
        Assert.Null(ar.QuerySelector($"[data-field={SheetSections.StatusQuo}] .official-original"));
        // Comment anchors per section stay as they were.
        Assert.Contains("Préciser les communes concernées", ar.QuerySelector("#s-problem")!.TextContent, StringComparison.Ordinal);

        // The list of sheets names it in Arabic too; an untranslated one is marked as French there.
        var cycle = await app.WithDbAsync(db => db.Set<Sheet>().Where(s => s.Id == sheet).Select(s => s.CycleId).SingleAsync());
        await app.PublishedSheetAsync(agency, editorId, SheetsTestKit.Content("Fiche non traduite"), cycle: cycle);
        var list = await app.CreateBrowserlikeClient().GetDocumentAsync($"/sheets?cycle={cycle}&culture=ar");
        Assert.Equal(ArabicTitle, list.QuerySelector($"a[href='/sheets/{sheet}']")!.TextContent.Trim());
        Assert.Contains(list.QuerySelectorAll(".card-title"), t => t.TextContent.Contains("Fiche non traduite", StringComparison.Ordinal)
            && t.QuerySelector("span[lang=fr]") is not null && t.QuerySelector(".official-original") is not null);

        var en = await app.CreateBrowserlikeClient().GetDocumentAsync($"{page}?culture=en");
        Assert.Equal("Open budget sheet", en.QuerySelector("#sheet-title")!.TextContent.Trim());
        Assert.Contains("original text in French", en.QuerySelector($"[data-field={SheetSections.Problem}]")!.TextContent, StringComparison.Ordinal);
        var fr = await app.CreateBrowserlikeClient().GetDocumentAsync(page);
        Assert.StartsWith("Fiche budgétaire ouverte", fr.QuerySelector("#sheet-title")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty(fr.QuerySelectorAll(".official-original"));

        // The comparison shows the translation as added text; version 1 is untouched.
        var diff = await app.CreateBrowserlikeClient().GetDocumentAsync($"{page}/compare?from=1&to=2");
        Assert.Equal(ArabicTitle, diff.QuerySelector("[data-key='title@ar'] ins")!.TextContent.Trim());
        Assert.Equal("ar", diff.QuerySelector("[data-key='title@ar'] p")!.GetAttribute("lang"));
        Assert.Null(diff.QuerySelector("[data-key='commitment'] ins"));
        var v1 = await app.WithDbAsync(async db => SheetContent.FromJson(await db.Set<SheetVersion>().Where(v => v.SheetId == sheet && v.Number == 1).Select(v => v.ContentJson).SingleAsync()));
        Assert.Null(v1.Ar);

        // A later edit of the French form keeps the translations.
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitFormAsync($"/sheets/{sheet}/edit",
            new Dictionary<string, string> { ["Form.Commitment"] = "Publier les données budgétaires locales chaque trimestre." }, "form.sheet-edit")).StatusCode);
        var draft = await DraftAsync(sheet);
        Assert.Equal(ArabicTitle, draft.TitleText.Ar);
        Assert.Equal("Publier les données budgétaires locales chaque trimestre.", draft.Commitment);
    }

    [Fact]
    public async Task An_administrator_translates_search_finds_the_arabic_only_text_and_the_api_returns_every_language()
    {
        var (agency, editor, editorId) = await app.AgencyWithEditorAsync();
        var sheet = await app.PublishedSheetAsync(agency, editorId, SheetsTestKit.Content("Fiche recherchée " + Guid.NewGuid().ToString("N")[..6], "Atelier régional"));
        const string marker = "زنجبيلية"; // a word only the Arabic translation holds
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);
        var form = $"/admin/translations/sheet/{sheet}";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(form, new Dictionary<string, string>
        {
            [$"Ar[{ProblemField}]"] = $"مشكلة {marker} في الجماعات",
            [$"Ar[{FirstActivityField}]"] = "ورشة جهوية",
        })).StatusCode);
        var publish = $"/sheets/{sheet}/publish";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(publish, publish, [F("ChangeNote", "الترجمة")])).StatusCode);

        var results = await app.CreateBrowserlikeClient().GetDocumentAsync($"/search?q={Uri.EscapeDataString(marker)}");
        Assert.NotNull(results.QuerySelector($"a[href='/sheets/{sheet}']"));

        var cycle = await app.WithDbAsync(db => db.Set<Sheet>().Where(s => s.Id == sheet).Select(s => s.CycleId).SingleAsync());
        var json = await JsonAsync($"/api/v1/sheets?cycleId={cycle}");
        var item = Assert.Single(json.GetProperty("items").EnumerateArray());
        Assert.StartsWith("Fiche recherchée", item.GetProperty("titles").GetProperty("fr").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, item.GetProperty("titles").GetProperty("ar").ValueKind);
        var versions = item.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(2, versions.Count);
        var texts = versions[1].GetProperty("texts");
        Assert.Equal($"مشكلة {marker} في الجماعات", texts.GetProperty("problem").GetProperty("ar").GetString());
        Assert.Equal(JsonValueKind.Null, texts.GetProperty("problem").GetProperty("en").ValueKind);
        var activity = texts.EnumerateObject().Single(p => p.Name.StartsWith(SheetSections.ActivityPrefix, StringComparison.Ordinal));
        Assert.Equal("Atelier régional", activity.Value.GetProperty("fr").GetString());
        Assert.Equal("ورشة جهوية", activity.Value.GetProperty("ar").GetString());
        Assert.Equal(JsonValueKind.Null, versions[0].GetProperty("texts").GetProperty("problem").GetProperty("ar").ValueKind);
    }

    [Fact]
    public async Task A_snapshot_stored_before_translations_existed_still_reads_compares_and_translates()
    {
        var (agency, editor, editorId) = await app.AgencyWithEditorAsync();
        var sheet = await app.PublishedSheetAsync(agency, editorId, SheetsTestKit.Content("Fiche ancienne " + Guid.NewGuid().ToString("N")[..6], "Former"));
        // Rewrite the stored JSON as the earlier code wrote it: no "Ar"/"En" properties at all.
        await app.WithDbAsync(async db =>
        {
            var version = await db.Set<SheetVersion>().Where(v => v.SheetId == sheet).Select(v => v.ContentJson).SingleAsync();
            var node = JsonNode.Parse(version)!.AsObject();
            Assert.True(node.Remove("Ar") && node.Remove("En"));
            var old = node.ToJsonString();
            await db.Set<SheetVersion>().Where(v => v.SheetId == sheet).ExecuteUpdateAsync(s => s.SetProperty(v => v.ContentJson, old));
            await db.Set<Sheet>().Where(s => s.Id == sheet).ExecuteUpdateAsync(s => s.SetProperty(x => x.ContentJson, old));
        });

        var ar = await app.CreateBrowserlikeClient().GetDocumentAsync($"/sheets/{sheet}?culture=ar");
        Assert.NotNull(ar.QuerySelector("#sheet-title span[lang=fr]"));
        Assert.NotNull(ar.QuerySelector($"[data-field={SheetSections.Problem}] .official-original"));

        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitFormAsync($"/admin/translations/sheet/{sheet}",
            new Dictionary<string, string> { [$"Ar[{TitleField}]"] = ArabicTitle })).StatusCode);
        var publish = $"/sheets/{sheet}/publish";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync(publish, publish, [F("ChangeNote", "Traduction")])).StatusCode);
        var diff = await app.CreateBrowserlikeClient().GetDocumentAsync($"/sheets/{sheet}/compare?from=1&to=2");
        Assert.NotNull(diff.QuerySelector("[data-key='title@ar'] ins"));
        Assert.NotNull(diff.QuerySelector("[data-key='problem']"));
        var json = await JsonAsync($"/api/v1/sheets?cycleId={await app.WithDbAsync(db => db.Set<Sheet>().Where(s => s.Id == sheet).Select(s => s.CycleId).SingleAsync())}");
        Assert.Equal(ArabicTitle, json.GetProperty("items")[0].GetProperty("titles").GetProperty("ar").GetString());
    }

    private Task<SheetContent> DraftAsync(Guid sheet)
        => app.WithDbAsync(async db => SheetContent.FromJson(await db.Set<Sheet>().Where(s => s.Id == sheet).Select(s => s.ContentJson).SingleAsync()));

    private async Task<JsonElement> JsonAsync(string url)
    {
        var response = await app.CreateBrowserlikeClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}

public sealed class SheetTranslationTests_Sqlite(SqliteFactory app) : SheetTranslationTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class SheetTranslationTests_Postgres(PostgresFactory app) : SheetTranslationTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class SheetTranslationTests_SqlServer(SqlServerFactory app) : SheetTranslationTests(app), IClassFixture<SqlServerFactory>;
