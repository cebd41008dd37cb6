using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Proposals;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Outbox;
using OpenGov.SharedKernel.Search;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Proposals;

public abstract class ProposalsTests(OpenGovFactory app)
{
    private static bool IsLoginRedirect(HttpResponseMessage r)
        => r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.ToString().Contains("/account/login", StringComparison.OrdinalIgnoreCase);

    private static bool IsDenied(HttpResponseMessage r)
        => r.StatusCode == HttpStatusCode.Forbidden
           || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.ToString().Contains("/account/access-denied", StringComparison.OrdinalIgnoreCase));

    private static Dictionary<string, string> Fields(params (string, string)[] f) => f.ToDictionary(x => x.Item1, x => x.Item2);

    [Fact]
    public async Task Every_handler_checks_who_acts()
    {
        var (cycleId, axisId) = await app.OpenCycleAsync();
        var (author, authorId) = await app.SignedInClientAsync();
        var (other, _) = await app.SignedInClientAsync();
        var (moderator, _) = await app.SignedInClientAsync(Roles.Moderator);
        var anonymous = app.CreateBrowserlikeClient();
        var published = await app.ProposalAsync(cycleId, axisId, authorId, "Publiée pour l'autorisation");
        var submitted = await app.ProposalAsync(cycleId, axisId, authorId, "Soumise pour l'autorisation", publish: false);
        var draft = await app.ProposalAsync(cycleId, axisId, authorId, "Brouillon pour l'autorisation", publish: false, submit: false);

        // Anonymous visitors read public pages and are sent to sign in for everything else.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/proposals/{published}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/proposals/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/proposals/{submitted}")).StatusCode);
        Assert.True(IsLoginRedirect(await anonymous.GetAsync("/proposals/new")));
        Assert.True(IsLoginRedirect(await anonymous.GetAsync("/proposals/mine")));
        Assert.True(IsLoginRedirect(await anonymous.GetAsync("/moderation")));
        Assert.True(IsLoginRedirect(await anonymous.GetAsync("/admin/cycles")));
        foreach (var handler in new[] { "Support", "Comment", "Report", "Withdraw", "Follow" })
            // (Public pages carry no token for anonymous visitors, so that they can be cached: the login form's is used.)
            Assert.True(IsLoginRedirect(await anonymous.PostWithTokenAsync("/account/login", $"/proposals/{published}?handler={handler}",
                Fields(("Comment.Body", "x"), ("reason", "Spam"), ("target", "Proposal"), ("targetId", published.ToString())))), handler);

        // The author sees and edits their own unpublished idea; another citizen does not.
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync($"/proposals/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync($"/proposals/{draft}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/proposals/{draft}")).StatusCode);
        Assert.True(IsDenied(await other.GetAsync($"/proposals/{draft}/edit")));
        Assert.True(IsDenied(await other.PostWithTokenAsync("/proposals/new", $"/proposals/{draft}/edit",
            Fields(("Form.Title", "Hijacked"), ("Form.Problem", "p"), ("Form.Solution", "s"), ("Form.AxisId", axisId.ToString()), ("Form.Region", "national")))));
        Assert.True(IsDenied(await other.PostWithTokenAsync($"/proposals/{published}", $"/proposals/{published}?handler=Withdraw", Fields(("reason", "not mine")))));
        Assert.Equal("Brouillon pour l'autorisation", (await app.LoadProposalAsync(draft)).Title);
        Assert.Equal(ProposalStatus.Published, (await app.LoadProposalAsync(published)).Status);

        // Citizens cannot moderate or administer; moderators can moderate but not administer cycles.
        Assert.True(IsDenied(await other.GetAsync("/moderation")));
        Assert.True(IsDenied(await other.PostWithTokenAsync("/proposals/new", $"/moderation?handler=Publish&id={submitted}", Fields())));
        Assert.True(IsDenied(await other.GetAsync("/moderation?handler=Export&format=csv")));
        Assert.Equal(ProposalStatus.Submitted, (await app.LoadProposalAsync(submitted)).Status);
        Assert.True(IsDenied(await moderator.GetAsync("/admin/cycles")));
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync("/moderation")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync($"/proposals/{submitted}")).StatusCode);
        var publish = await moderator.PostWithTokenAsync("/moderation", $"/moderation?handler=Publish&id={submitted}", Fields());
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.Equal(ProposalStatus.Published, (await app.LoadProposalAsync(submitted)).Status);
    }

    [Fact]
    public async Task A_citizen_submits_a_moderator_publishes_the_author_is_told_and_it_is_listed_and_found()
    {
        var (cycleId, axisId) = await app.OpenCycleAsync();
        var (citizen, citizenId) = await app.SignedInClientAsync();
        var (moderator, _) = await app.SignedInClientAsync(Roles.Moderator);
        var title = "Budget participatif " + Guid.NewGuid().ToString("N")[..6];
        var response = await citizen.SubmitFormAsync($"/proposals/new?cycle={cycleId}", Fields(
            ("Form.CycleId", cycleId.ToString()), ("Form.Title", title), ("Form.Problem", "Les habitants ne décident de rien."),
            ("Form.Solution", "Un budget participatif zanzibarique dans chaque commune."), ("Form.AxisId", axisId.ToString()),
            ("Form.Region", "souss-massa"), ("Form.ExpectedImpact", "Confiance"), ("Form.SubmitterType", "Citizen")), submitName: "action", submitValue: "submit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Guid.Parse(response.Headers.Location!.ToString().Split('/').Last());
        var p = await app.LoadProposalAsync(id);
        Assert.Equal(ProposalStatus.Submitted, p.Status);
        Assert.Equal(citizenId, p.AuthorUserId);
        Assert.True(await app.WithDbAsync(db => db.Set<OpenGov.Consultation.Follows.Follow>().AnyAsync(f => f.UserId == citizenId && f.TargetId == id)));

        // Not public yet: neither listed nor searchable.
        Assert.DoesNotContain(title, await (await app.CreateBrowserlikeClient().GetAsync("/proposals?q=zanzibarique")).ReadTextAsync());

        var queue = await moderator.GetDocumentAsync("/moderation");
        Assert.Contains(queue.QuerySelectorAll("[data-testid=queue-item] h2"), h => h.TextContent.Contains(title));
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.PostWithTokenAsync("/moderation", $"/moderation?handler=Publish&id={id}", Fields())).StatusCode);

        var list = await app.CreateBrowserlikeClient().GetDocumentAsync($"/proposals?cycle={cycleId}");
        Assert.Contains(list.QuerySelectorAll("[data-testid=proposal-card] h3"), h => h.TextContent.Contains(title));
        var search = await app.CreateBrowserlikeClient().GetDocumentAsync("/proposals?q=zanzibarique");
        Assert.Single(search.QuerySelectorAll("[data-testid=proposal-card]"));
        var mail = await app.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Category == "proposal.published" && m.RecipientUserId == citizenId));
        Assert.True(mail);
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == "proposal.published" && a.TargetId == id.ToString())));
        var similar = await (await citizen.GetAsync("/proposals/similar?q=zanzibarique")).ReadTextAsync();
        Assert.Contains($"/proposals/{id}", similar);
    }

    [Fact]
    public async Task A_submission_outside_the_collection_phase_is_refused_and_keeps_the_input()
    {
        var (cycleId, axisId) = await app.OpenCycleAsync();
        var (citizen, citizenId) = await app.SignedInClientAsync();
        var page = await citizen.GetDocumentAsync($"/proposals/new?cycle={cycleId}");
        var token = page.QuerySelector("form.proposal-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var saved = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromDays(31));
        try
        {
            await app.SignedInClientForAsync(citizenId, citizen);
            var response = await citizen.PostAsync("/proposals/new", new FormUrlEncodedContent(Fields(
                ("__RequestVerificationToken", token), ("Form.CycleId", cycleId.ToString()), ("Form.Title", "Trop tard"),
                ("Form.Problem", "p"), ("Form.Solution", "s"), ("Form.AxisId", axisId.ToString()), ("Form.Region", "national"),
                ("Form.SubmitterType", "Citizen"), ("action", "submit"))));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var doc = Http.Parse(await response.ReadTextAsync());
            Assert.Contains("n'est pas ouverte", doc.QuerySelector(".validation-summary-errors")!.TextContent);
            Assert.Equal("Trop tard", doc.QuerySelector("#Form_Title")!.GetAttribute("value"));
            Assert.False(await app.WithDbAsync(db => db.Set<Proposal>().AnyAsync(p => p.AuthorUserId == citizenId)));
        }
        finally
        {
            app.Clock.Set(saved);
        }
    }

    [Fact]
    public async Task Parallel_supports_from_one_user_count_once()
    {
        var (cycleId, axisId) = await app.OpenCycleAsync();
        var (_, authorId) = await app.SignedInClientAsync();
        var id = await app.ProposalAsync(cycleId, axisId, authorId, "Soutiens parallèles");
        var (supporter, supporterId) = await app.SignedInClientAsync();
        var doc = await supporter.GetDocumentAsync($"/proposals/{id}");
        var token = doc.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => supporter.PostAsync($"/proposals/{id}?handler=Support",
            new FormUrlEncodedContent(Fields(("__RequestVerificationToken", token))))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, (await app.LoadProposalAsync(id)).SupportCount);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ProposalSupport>().CountAsync(s => s.ProposalId == id && s.UserId == supporterId)));
        // Following is idempotent too.
        await supporter.PostWithTokenAsync($"/proposals/{id}", $"/proposals/{id}?handler=Follow", Fields(("follow", "true")));
        await supporter.PostWithTokenAsync($"/proposals/{id}", $"/proposals/{id}?handler=Follow", Fields(("follow", "true")));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<OpenGov.Consultation.Follows.Follow>().CountAsync(f => f.TargetId == id && f.UserId == supporterId)));
        // A second user still counts.
        var (second, _) = await app.SignedInClientAsync();
        await second.PostWithTokenAsync($"/proposals/{id}", $"/proposals/{id}?handler=Support", Fields());
        Assert.Equal(2, (await app.LoadProposalAsync(id)).SupportCount);
    }

    [Fact]
    public async Task Xss_payloads_in_every_text_field_come_back_inert()
    {
        const string payload = "<script>alert('x')</script><img src=x onerror=alert(1)>[a](javascript:alert(2))";
        var (cycleId, axisId) = await app.OpenCycleAsync();
        var (author, authorId) = await app.SignedInClientAsync();
        var response = await author.SubmitFormAsync($"/proposals/new?cycle={cycleId}", Fields(
            ("Form.CycleId", cycleId.ToString()), ("Form.Title", "T " + payload), ("Form.Problem", "P " + payload),
            ("Form.Solution", "S " + payload), ("Form.AxisId", axisId.ToString()), ("Form.Region", "national"),
            ("Form.ExpectedImpact", "I " + payload), ("Form.SubmitterType", "Citizen")), submitName: "action", submitValue: "submit");
        var id = Guid.Parse(response.Headers.Location!.ToString().Split('/').Last());
        await app.WithScopeAsync(sp => sp.GetRequiredService<ProposalModeration>().PublishAsync("m", id));
        var (commenter, _) = await app.SignedInClientAsync();
        await commenter.PostWithTokenAsync($"/proposals/{id}", $"/proposals/{id}?handler=Comment", Fields(("Comment.Body", "C " + payload)));
        var commentId = await app.WithDbAsync(db => db.Set<ProposalComment>().Where(c => c.ProposalId == id).Select(c => c.Id).SingleAsync());
        await author.PostWithTokenAsync($"/proposals/{id}", $"/proposals/{id}?handler=Comment",
            Fields(("Comment.Body", "R " + payload), ("Comment.ParentId", commentId.ToString())));

        foreach (var url in new[] { $"/proposals/{id}", "/proposals", $"/proposals?q=alert", $"/proposals/{id}/edit", $"/cycles/{cycleId}" })
        {
            var client = url.EndsWith("/edit") ? author : app.CreateBrowserlikeClient();
            var r = await client.GetAsync(url);
            if (r.StatusCode == HttpStatusCode.Redirect) continue; // edit after publication redirects to the page
            var html = await r.ReadTextAsync();
            var doc = Http.Parse(html);
            Assert.DoesNotContain(doc.QuerySelectorAll("script"), s => s.TextContent.Contains("alert"));
            Assert.Empty(doc.QuerySelectorAll("[onerror]"));
            Assert.DoesNotContain(doc.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        }
        var page = await app.CreateBrowserlikeClient().GetDocumentAsync($"/proposals/{id}");
        Assert.Contains("<script>", page.QuerySelector("[data-testid=proposal-title]")!.TextContent);
        Assert.Equal(2, page.QuerySelectorAll(".comment .user-text").Count(e => e.TextContent.Contains("alert('x')")));
        var similar = await (await author.GetAsync("/proposals/similar?q=alert")).ReadTextAsync();
        Assert.DoesNotContain("<script>", similar);
    }

    [Fact]
    public async Task An_outside_image_renders_as_a_link_and_outside_links_get_rel()
    {
        var (cycleId, axisId) = await app.OpenCycleAsync();
        var (author, _) = await app.SignedInClientAsync();
        var response = await author.SubmitFormAsync($"/proposals/new?cycle={cycleId}", Fields(
            ("Form.CycleId", cycleId.ToString()), ("Form.Title", "Images ailleurs"),
            ("Form.Problem", "Voir ![pixel](https://tracker.example/p.gif) et ![site](/favicon.ico)"),
            ("Form.Solution", "Lire [ailleurs](https://example.org/doc) et [ici](/proposals)"), ("Form.AxisId", axisId.ToString()),
            ("Form.Region", "national"), ("Form.ExpectedImpact", "Confiance"), ("Form.SubmitterType", "Citizen")), submitName: "action", submitValue: "submit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Guid.Parse(response.Headers.Location!.ToString().Split('/').Last());
        await app.WithScopeAsync(sp => sp.GetRequiredService<ProposalModeration>().PublishAsync("m", id));

        var page = await app.CreateBrowserlikeClient().GetDocumentAsync($"/proposals/{id}");
        Assert.DoesNotContain(page.QuerySelectorAll("img[src]"), i => i.GetAttribute("src")!.Contains("tracker.example", StringComparison.Ordinal)
            || i.GetAttribute("src")!.StartsWith("http", StringComparison.OrdinalIgnoreCase) || i.GetAttribute("src")!.StartsWith("//", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll("img[src]"), i => i.GetAttribute("src") == "/favicon.ico");
        var pixel = Assert.Single(page.QuerySelectorAll("a[href='https://tracker.example/p.gif']"));
        Assert.Equal("nofollow noopener ugc", pixel.GetAttribute("rel"));
        Assert.Equal("nofollow noopener ugc", page.QuerySelector("a[href='https://example.org/doc']")!.GetAttribute("rel"));
        Assert.Null(page.QuerySelector(".user-text a[href='/proposals']")?.GetAttribute("rel"));
    }

    [Fact]
    public async Task Over_deep_or_oversized_markdown_is_a_form_message_not_a_500()
    {
        var (cycleId, axisId) = await app.OpenCycleAsync();
        var (author, _) = await app.SignedInClientAsync();
        var deep = new string('>', 300) + " au fond";
        foreach (var (problem, message) in new[] { (deep, "trop imbriqué"), (new string('a', 100_001), "trop long") })
        {
            var response = await author.SubmitFormAsync($"/proposals/new?cycle={cycleId}", Fields(
                ("Form.CycleId", cycleId.ToString()), ("Form.Title", "Trop profond"), ("Form.Problem", problem),
                ("Form.Solution", "s"), ("Form.AxisId", axisId.ToString()), ("Form.Region", "national"), ("Form.ExpectedImpact", "i"),
                ("Form.SubmitterType", "Citizen")),
                submitName: "action", submitValue: "submit");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var doc = Http.Parse(await response.ReadTextAsync());
            Assert.Contains(message, doc.Body!.TextContent, StringComparison.Ordinal);
            Assert.Equal("Trop profond", doc.QuerySelector("[name='Form.Title']")!.GetAttribute("value"));
        }
        Assert.False(await app.WithDbAsync(db => db.Set<Proposal>().AnyAsync(p => p.Title == "Trop profond")));
    }

    [Fact]
    public async Task Keyset_pages_return_every_proposal_exactly_once_in_every_sort()
    {
        var (cycleId, axisId) = await app.OpenCycleAsync();
        var (_, authorId) = await app.SignedInClientAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 45; i++)
            ids.Add(await app.ProposalAsync(cycleId, axisId, authorId, $"Idée paginée {i}"));
        // Ties on counts and publication instants exercise the id tie-breaker.
        await app.WithDbAsync(async db =>
        {
            var rows = await db.Set<Proposal>().Where(p => p.CycleId == cycleId).ToListAsync();
            for (var i = 0; i < rows.Count; i++)
                for (var s = 0; s < i % 4; s++) rows[i].SupportAdded();
            await db.SaveChangesAsync();
        });
        var client = app.CreateBrowserlikeClient();
        foreach (var sort in new[] { "Newest", "MostSupported", "MostCommented" })
        {
            var seen = new List<Guid>();
            var url = $"/proposals?cycle={cycleId}&sort={sort}";
            var pages = 0;
            while (url is not null && pages++ < 10)
            {
                var doc = await client.GetDocumentAsync(url);
                seen.AddRange(doc.QuerySelectorAll("[data-testid=proposal-card] h3 a").Select(a => Guid.Parse(a.GetAttribute("href")!.Split('/').Last())));
                url = doc.QuerySelector("[data-testid=next-page]")?.GetAttribute("href");
            }
            Assert.Equal(3, pages);
            Assert.Equal(ids.Count, seen.Count);
            Assert.Equal(ids.OrderBy(x => x), seen.OrderBy(x => x));
        }
    }

    [Fact]
    public async Task Reported_content_is_hidden_after_the_threshold_and_never_listed_or_found()
    {
        var (cycleId, axisId) = await app.OpenCycleAsync();
        var (_, authorId) = await app.SignedInClientAsync();
        var id = await app.ProposalAsync(cycleId, axisId, authorId, "Idée signalée", "Texte contenant le mot quetzalcoatl");
        var anonymous = app.CreateBrowserlikeClient();
        Assert.Single((await anonymous.GetDocumentAsync("/proposals?q=quetzalcoatl")).QuerySelectorAll("[data-testid=proposal-card]"));

        var (first, _) = await app.SignedInClientAsync();
        for (var i = 0; i < 2; i++)
            await first.PostWithTokenAsync($"/proposals/{id}", $"/proposals/{id}?handler=Report",
                Fields(("target", "Proposal"), ("targetId", id.ToString()), ("reason", "Spam")));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ContentReport>().CountAsync(r => r.TargetId == id)));
        for (var i = 0; i < 2; i++)
        {
            var (reporter, _) = await app.SignedInClientAsync();
            await reporter.PostWithTokenAsync($"/proposals/{id}", $"/proposals/{id}?handler=Report",
                Fields(("target", "Proposal"), ("targetId", id.ToString()), ("reason", "Offensive")));
        }
        Assert.True((await app.LoadProposalAsync(id)).IsHidden);
        Assert.Empty((await anonymous.GetDocumentAsync("/proposals?q=quetzalcoatl")).QuerySelectorAll("[data-testid=proposal-card]"));
        Assert.DoesNotContain(id.ToString(), await (await anonymous.GetAsync($"/proposals?cycle={cycleId}")).ReadTextAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/proposals/{id}")).StatusCode);
        Assert.Empty(await app.WithScopeAsync(sp => sp.GetRequiredService<ISearchIndex>().SearchAsync("quetzalcoatl")));
        Assert.DoesNotContain(id.ToString(), await (await anonymous.GetAsync("/proposals/similar?q=quetzalcoatl")).ReadTextAsync());

        // A moderator sees it among hidden content and restores it.
        var (moderator, _) = await app.SignedInClientAsync(Roles.Moderator);
        Assert.Contains(id.ToString(), await (await moderator.GetAsync("/moderation?view=Hidden")).ReadTextAsync());
        await moderator.PostWithTokenAsync("/moderation", $"/moderation?handler=Hide&id={id}", Fields(("hidden", "false")));
        Assert.Single((await anonymous.GetDocumentAsync("/proposals?q=quetzalcoatl")).QuerySelectorAll("[data-testid=proposal-card]"));
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == "proposal.unhidden" && a.TargetId == id.ToString())));
    }

    [Fact]
    public async Task Comments_page_by_keyset_with_replies_and_notify_the_parent_author()
    {
        var (cycleId, axisId) = await app.OpenCycleAsync();
        var (_, authorId) = await app.SignedInClientAsync();
        var id = await app.ProposalAsync(cycleId, axisId, authorId, "Idée très commentée");
        var (commenter, commenterId) = await app.SignedInClientAsync();
        await app.WithScopeAsync(async sp =>
        {
            var engagement = sp.GetRequiredService<ProposalEngagement>();
            for (var i = 0; i < 45; i++)
            {
                await engagement.CommentAsync(new Actor(commenterId, "Commentateur"), id, null, $"Commentaire {i}");
                app.Clock.Advance(TimeSpan.FromSeconds(1));
            }
        });
        var firstId = await app.WithDbAsync(db => db.Set<ProposalComment>().Where(c => c.ProposalId == id).OrderBy(c => c.CreatedAt).Select(c => c.Id).FirstAsync());
        var (replier, _) = await app.SignedInClientAsync();
        await replier.PostWithTokenAsync($"/proposals/{id}", $"/proposals/{id}?handler=Comment",
            Fields(("Comment.Body", "Une réponse"), ("Comment.ParentId", firstId.ToString())));
        Assert.Equal(46, (await app.LoadProposalAsync(id)).CommentCount);
        Assert.True(await app.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Category == "comment.reply" && m.RecipientUserId == commenterId)));

        var client = app.CreateBrowserlikeClient();
        var seen = new List<string>();
        string? url = $"/proposals/{id}";
        var replies = 0;
        while (url is not null)
        {
            var doc = await client.GetDocumentAsync(url);
            seen.AddRange(doc.QuerySelectorAll("li[data-testid=comment]").Select(li => li.Id!));
            replies += doc.QuerySelectorAll(".replies li").Length;
            url = doc.QuerySelector("[data-testid=more-comments]")?.GetAttribute("href");
        }
        Assert.Equal(45, seen.Count);
        Assert.Equal(45, seen.Distinct().Count());
        Assert.Equal(1, replies);
    }

    [Fact]
    public async Task Moderators_reject_with_a_reason_merge_duplicates_block_authors_and_export_without_personal_data()
    {
        var (cycleId, axisId) = await app.OpenCycleAsync();
        var (_, a1) = await app.SignedInClientAsync();
        var (_, a2) = await app.SignedInClientAsync();
        var (moderator, _) = await app.SignedInClientAsync(Roles.Moderator);
        var rejected = await app.ProposalAsync(cycleId, axisId, a1, "À refuser", publish: false);
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.PostWithTokenAsync("/moderation", $"/moderation?handler=Reject&id={rejected}", Fields(("reason", "")))).StatusCode);
        Assert.Equal(ProposalStatus.Submitted, (await app.LoadProposalAsync(rejected)).Status);
        await moderator.PostWithTokenAsync("/moderation", $"/moderation?handler=Reject&id={rejected}", Fields(("reason", "Hors du champ du gouvernement ouvert")));
        Assert.Equal(ProposalStatus.Rejected, (await app.LoadProposalAsync(rejected)).Status);
        Assert.True(await app.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Category == "proposal.rejected" && m.RecipientUserId == a1)));

        var target = await app.ProposalAsync(cycleId, axisId, a1, "Idée d'origine");
        var duplicate = await app.ProposalAsync(cycleId, axisId, a2, "Idée en double");
        await moderator.PostWithTokenAsync("/moderation", $"/moderation?handler=Merge&id={duplicate}", Fields(("targetId", target.ToString())));
        Assert.Equal(ProposalStatus.Merged, (await app.LoadProposalAsync(duplicate)).Status);
        var credits = await app.WithDbAsync(db => db.Set<ProposalCredit>().Where(c => c.ProposalId == target).Select(c => c.UserId).ToListAsync());
        Assert.Equal(new[] { a1, a2 }.Order(), credits.Order());
        Assert.NotNull((await app.CreateBrowserlikeClient().GetDocumentAsync($"/proposals/{target}")).QuerySelector("[data-testid=credits]"));

        await moderator.PostWithTokenAsync("/moderation", $"/moderation?handler=Block&proposalId={duplicate}", Fields(("confirm", "true")));
        var blocked = await app.WithScopeAsync(sp => sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(a2));
        Assert.True(blocked!.IsBlocked);
        Assert.True(blocked.LockoutEnd > DateTimeOffset.UtcNow.AddYears(50));
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "user.blocked" && e.TargetId == a2)));

        var csv = await (await moderator.GetAsync($"/moderation?handler=Export&format=csv&cycle={cycleId}")).ReadTextAsync();
        var json = await (await moderator.GetAsync($"/moderation?handler=Export&format=json&cycle={cycleId}")).ReadTextAsync();
        Assert.Contains("Idée d'origine", csv);
        var titles = System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.GetProperty("title").GetString()).ToList();
        Assert.Contains("Idée d'origine", titles);
        foreach (var export in new[] { csv, json })
        {
            Assert.DoesNotContain("@test.opengov.ma", export);
            Assert.DoesNotContain(a1, export);
        }
    }

    [Fact]
    public async Task An_administrator_closes_a_phase_early_with_a_public_reason()
    {
        var (cycleId, _) = await app.OpenCycleAsync();
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/cycles")).StatusCode);
        var closed = await admin.PostWithTokenAsync($"/admin/cycles/{cycleId}", $"/admin/cycles/{cycleId}?handler=Close",
            Fields(("kind", "ProposalCollection"), ("reason", "Objectif de participation atteint")));
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var page = await app.CreateBrowserlikeClient().GetDocumentAsync($"/cycles/{cycleId}");
        Assert.Contains("Objectif de participation atteint", page.QuerySelector("[data-testid=phase-changes]")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=submit-idea]"));
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "cycle.phase-closed-early" && e.TargetId == cycleId.ToString())));
    }

    [Fact]
    public async Task The_cycle_page_shows_what_to_do_now_and_live_figures()
    {
        var (cycleId, axisId) = await app.OpenCycleAsync();
        var (_, authorId) = await app.SignedInClientAsync();
        await app.ProposalAsync(cycleId, axisId, authorId, "Idée comptée 1");
        await app.ProposalAsync(cycleId, axisId, authorId, "Idée comptée 2");
        var doc = await app.CreateBrowserlikeClient().GetDocumentAsync($"/cycles/{cycleId}");
        Assert.NotNull(doc.QuerySelector("[data-testid=submit-idea]"));
        Assert.Equal("2", doc.QuerySelector("[data-testid=figure-ideas]")!.TextContent.Trim());
        Assert.NotNull(doc.QuerySelector("[data-testid=timeline] [aria-current=step]"));
        var list = await app.CreateBrowserlikeClient().GetDocumentAsync("/cycles");
        Assert.NotEmpty(list.QuerySelectorAll("[data-testid=cycle-card]"));
    }
}

public sealed class ProposalsTests_Sqlite(SqliteFactory app) : ProposalsTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class ProposalsTests_Postgres(PostgresFactory app) : ProposalsTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class ProposalsTests_SqlServer(SqlServerFactory app) : ProposalsTests(app), IClassFixture<SqlServerFactory>;
