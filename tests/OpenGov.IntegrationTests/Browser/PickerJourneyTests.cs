using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenGov.Consultation.Feedback;
using OpenGov.Consultation.Proposals;
using OpenGov.Consultation.Sheets;
using OpenGov.IntegrationTests.Feedback;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.IntegrationTests.Sheets;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Browser;

/// <summary>
/// The pickers by title (wwwroot/js/pickers.js) as a moderator uses them: part of a title typed, a suggestion picked,
/// the form submitted, and the saved result checked in the database and on the public page. Two pickers: the merge target
/// of a duplicate in the moderation queue (suggestions fetched from the server into a datalist) and the commitment sheet
/// of a reasoned response "integrated into a sheet" (a select filtered as one types).
/// </summary>
public sealed class PickerJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_moderator_merges_a_duplicate_picked_by_part_of_its_title()
    {
        var app = browser.App;
        _ = app.BaseUrl; // start the server before seeding
        var cycle = await FeedbackSeed.CycleAsync(app, 3);
        var target = cycle.Ideas[1];
        var duplicateId = Guid.NewGuid();
        await app.WithDbAsync(async db =>
        {
            var now = app.Clock.UtcNow;
            var author = await app.CreateUserAsync($"doublon-{Guid.NewGuid():N}"[..16] + "@test.ma");
            var duplicate = new Proposal(duplicateId, cycle.Id, author, "Autrice du doublon", SubmitterType.Citizen, null, null,
                new ProposalContent("Doublon " + target.Title, "Problème", "Solution", cycle.AxisA, "national", "Impact"), now);
            duplicate.Submit(now);
            db.Add(duplicate);
            await db.SaveChangesAsync();
        });
        var moderatorId = await app.CreateUserAsync($"mod-{Guid.NewGuid():N}"[..14] + "@test.ma", Roles.Moderator);
        var page = await browser.NewSignedInPageAsync(moderatorId);

        await page.GotoAsync($"/moderation?cycle={cycle.Id}");
        var card = page.Locator($"#q-{duplicateId}");
        var picker = card.GetByTestId("merge-picker");
        // A few characters from the middle of the title (the random part after "Idée 1 "), typed like a person would.
        var part = target.Title.Substring(7, 6);
        await picker.PressSequentiallyAsync(part, new() { Delay = 40 });
        var suggestions = page.Locator($"#merge-list-{duplicateId} option");
        await Assertions.Expect(suggestions).ToHaveCountAsync(1); // the other ideas, and the duplicate itself, do not match
        var suggestion = await suggestions.First.GetAttributeAsync("value");
        Assert.Equal($"{target.Title} — {target.Id}", suggestion);
        await BrowserFixture.ScreenshotAsync(page, "picker-merge-suggestion");

        // Picking the suggestion puts its text in the field (what the browser's datalist does on a click), then submit.
        await picker.FillAsync(suggestion!);
        await card.GetByRole(AriaRole.Button, new() { Name = "Fusionner dans" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Doublon fusionné");

        var saved = await app.WithDbAsync(db => db.Set<Proposal>().AsNoTracking().Where(p => p.Id == duplicateId)
            .Select(p => new { p.Status, p.MergedIntoId }).SingleAsync());
        Assert.Equal((ProposalStatus.Merged, target.Id), (saved.Status, saved.MergedIntoId));
        await Assertions.Expect(page.Locator($"#q-{duplicateId}")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_moderator_answers_integrated_into_a_sheet_picked_by_part_of_its_title()
    {
        var app = browser.App;
        _ = app.BaseUrl;
        var cycle = await FeedbackSeed.CycleAsync(app, 1);
        var idea = cycle.Ideas[0];
        var (agencyId, _, editorId) = await app.AgencyWithEditorAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (chosen, other) = await app.WithScopeAsync(async sp =>
        {
            var editing = sp.GetRequiredService<SheetEditing>();
            return (await editing.CreateAsync(editorId, agencyId, cycle.Id, SheetsTestKit.Content($"Budget participatif des communes {tag}")),
                await editing.CreateAsync(editorId, agencyId, cycle.Id, SheetsTestKit.Content($"Registre des bénéficiaires effectifs {tag}")));
        });
        var moderatorId = await app.CreateUserAsync($"mod-{Guid.NewGuid():N}"[..14] + "@test.ma", Roles.Moderator);
        var page = await browser.NewSignedInPageAsync(moderatorId);

        await page.GotoAsync($"/cycles/{cycle.Id}/feedback/answer/{idea.Id}");
        await page.GetByLabel("Intégrée à une fiche d'engagement", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Filtrer les fiches par titre").PressSequentiallyAsync("particip", new() { Delay = 40 });
        var picker = page.GetByTestId("sheet-picker");
        // The filter hides the sheets whose title does not contain the typed text.
        Assert.True(await picker.Locator($"option[value='{other}']").EvaluateAsync<bool>("o => o.hidden"));
        Assert.False(await picker.Locator($"option[value='{chosen}']").EvaluateAsync<bool>("o => o.hidden"));
        await picker.SelectOptionAsync(new SelectOptionValue { Label = $"Budget participatif des communes {tag}" });
        await page.GetByLabel("Justification (Markdown)").FillAsync("Intégrée à la fiche sur le budget participatif.");
        await BrowserFixture.ScreenshotAsync(page, "picker-sheet-filtered");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et publier" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/answer/", StringComparison.Ordinal));

        var response = await app.WithDbAsync(db => db.Set<ProposalResponse>().AsNoTracking().SingleAsync(r => r.ProposalId == idea.Id));
        Assert.Equal((ResponseState.MergedIntoSheet, (Guid?)chosen, true), (response.State, response.SheetId, response.IsPublished));

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync($"/cycles/{cycle.Id}/feedback");
        await Assertions.Expect(visitor.Locator($"#p-{idea.Id} a[href='/sheets/{chosen}']")).ToHaveCountAsync(1);
    }
}
