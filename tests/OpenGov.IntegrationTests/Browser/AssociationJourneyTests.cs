using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenGov.IntegrationTests.Community;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Browser;

/// <summary>In a real browser: a user registers an association, a moderator verifies it, the representative approves
/// a member, and that member starts a forum thread.</summary>
public sealed class AssociationJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>A browser signed in as <paramref name="email"/> through the login page.</summary>
    private async Task<IPage> SignedInAsync(string email)
    {
        var id = await browser.App.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id);
        return await browser.NewSignedInPageAsync(id);
    }

    [Fact]
    public async Task Register_verify_approve_a_member_who_then_posts_a_thread()
    {
        var app = browser.App;
        _ = app.BaseUrl;
        await app.EnsureCycleAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await app.CreateUserAsync($"rep{suffix}@test.opengov.ma");
        await app.CreateUserAsync($"mod{suffix}@test.opengov.ma", Roles.Moderator);
        await app.CreateUserAsync($"mem{suffix}@test.opengov.ma");
        var name = $"Association du parcours {suffix}";

        var rep = await SignedInAsync($"rep{suffix}@test.opengov.ma");
        await rep.GotoAsync("/associations/register");
        await rep.GetByLabel("Nom de l'association").FillAsync(name);
        await rep.GetByLabel("Région").SelectOptionAsync("souss-massa");
        await rep.GetByLabel("Intégrité").CheckAsync();
        await rep.GetByLabel("Présentation").FillAsync("Nous suivons les **engagements** du plan.");
        await rep.GetByRole(AriaRole.Button, new() { Name = "Inscrire l'association" }).ClickAsync();
        await rep.WaitForURLAsync(new Regex("/associations/[0-9a-f-]{36}$"));
        var associationUrl = new Uri(rep.Url).AbsolutePath;
        await Assertions.Expect(rep.GetByTestId("association-status")).ToHaveTextAsync("En attente de vérification");

        var moderator = await SignedInAsync($"mod{suffix}@test.opengov.ma");
        await moderator.GotoAsync("/associations/moderation");
        await moderator.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Vérifier l'association" }).ClickAsync();
        await Assertions.Expect(moderator.GetByTestId("association-status")).ToHaveTextAsync("Vérifiée");

        var member = await SignedInAsync($"mem{suffix}@test.opengov.ma");
        await member.GotoAsync(associationUrl);
        await member.GetByRole(AriaRole.Button, new() { Name = "Demander à rejoindre l'association" }).ClickAsync();
        await Assertions.Expect(member.GetByText("Votre demande est envoyée")).ToBeVisibleAsync();

        await rep.GotoAsync(associationUrl);
        await rep.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Accepter la demande de mem") }).ClickAsync();
        await Assertions.Expect(rep.GetByText("La demande d'adhésion est acceptée.")).ToBeVisibleAsync();

        await member.GotoAsync("/forum");
        await member.GetByRole(AriaRole.Link, new() { Name = "Nouvelle discussion" }).ClickAsync();
        await member.GetByLabel("Catégorie").SelectOptionAsync("integrity");
        await member.GetByLabel("Titre").FillAsync($"Suivi des engagements {suffix}");
        await member.GetByLabel("Message").FillAsync("Qui suit l'engagement sur l'**accès à l'information** ?");
        await member.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await Assertions.Expect(member.Locator("h1")).ToContainTextAsync($"Suivi des engagements {suffix}");
        await Assertions.Expect(member.GetByTestId("thread-body").Locator("strong")).ToHaveTextAsync("accès à l'information");
        await BrowserFixture.ScreenshotAsync(member, "association-journey-thread");
    }
}
