using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Associations;
using OpenGov.Consultation.Forum;
using OpenGov.Consultation.Meetings;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Outbox;
using OpenGov.SharedKernel.Search;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Community;

/// <summary>The association register, the forum and the committees' meetings through the real pages, on each database.</summary>
public abstract class CommunityTests(OpenGovFactory app)
{
    private const string Xss = "<script>alert('x')</script><img src=x onerror=alert(1)>[clic](javascript:alert(1))";

    private static async Task<HttpResponseMessage> Redirected(Task<HttpResponseMessage> request)
    {
        var response = await request;
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var doc = Http.Parse(await response.ReadTextAsync());
            var errors = string.Join(" | ", doc.QuerySelectorAll(".text-danger, .alert").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));
            Assert.Fail($"Expected a redirect, got {(int)response.StatusCode}: {errors}");
        }
        return response;
    }

    private static Dictionary<string, string> F(params (string Key, string Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value);

    private async Task<Guid> RegisterAsync(HttpClient client, string name, string theme = "integrity", string region = "national", string description = "Présentation")
    {
        var response = await client.SubmitFormAsync("/associations/register", F(("Input.Name", name), ("Input.Region", region),
            ("Input.Themes", theme), ("Input.Description", description), ("Input.PublicContact", "contact@example.ma")), "main form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.ToString().Split('/').Last());
    }

    private async Task VerifyAsync(Guid id)
    {
        var (moderator, _) = await app.SignedInClientAsync(Roles.Moderator);
        var response = await moderator.SubmitFormAsync($"/associations/{id}", F(), $"form[action*='handler=Verify']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<Guid> RequestJoinAsync(HttpClient member, Guid associationId, string memberId)
    {
        var response = await Redirected(member.SubmitFormAsync($"/associations/{associationId}", F(), "form[action*='handler=Join']"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await app.WithDbAsync(db => db.Set<AssociationMember>().Where(m => m.AssociationId == associationId && m.UserId == memberId).Select(m => m.Id).SingleAsync());
    }

    /// <summary>A verified association with a representative and one approved member.</summary>
    private async Task<(Guid Association, HttpClient Representative, string RepresentativeId, HttpClient Member, string MemberId)> VerifiedWithMemberAsync(string name)
    {
        await app.EnsureCycleAsync();
        var (rep, repId) = await app.SignedInClientAsync();
        var id = await RegisterAsync(rep, name);
        await VerifyAsync(id);
        var (member, memberId) = await app.SignedInClientAsync();
        var request = await RequestJoinAsync(member, id, memberId);
        var decided = await rep.PostWithTokenAsync($"/associations/{id}", $"/associations/{id}?handler=Decide",
            F(("memberId", request.ToString()), ("approve", "true")));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        return (id, rep, repId, member, memberId);
    }

    [Fact]
    public async Task A_registered_association_is_listed_only_once_verified_and_the_decisions_are_audited_and_mailed()
    {
        await app.EnsureCycleAsync();
        var (rep, repId) = await app.SignedInClientAsync();
        var name = "Association Vérif " + Guid.NewGuid().ToString("N")[..6];
        var id = await RegisterAsync(rep, name);

        Assert.DoesNotContain(name, (await app.CreateBrowserlikeClient().GetDocumentAsync("/associations")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateBrowserlikeClient().GetAsync($"/associations/{id}")).StatusCode);

        // Rejection needs a reason: the form says so and nothing changes.
        var (moderator, moderatorId) = await app.SignedInClientAsync(Roles.Moderator);
        var noReason = await moderator.SubmitFormAsync($"/associations/{id}", F(("RejectionReason", "")), "form[action*='handler=Reject']");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Un motif est obligatoire", await noReason.ReadTextAsync(), StringComparison.Ordinal);

        // A citizen cannot verify.
        var (citizen, _) = await app.SignedInClientAsync();
        CommunityApp.AssertDenied(await citizen.PostWithTokenAsync("/associations", $"/associations/{id}?handler=Verify", F()));

        var verified = await moderator.SubmitFormAsync($"/associations/{id}", F(), "form[action*='handler=Verify']");
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Contains(name, (await app.CreateBrowserlikeClient().GetDocumentAsync("/associations")).Body!.TextContent, StringComparison.Ordinal);

        await app.WithDbAsync(async db =>
        {
            Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.Action == "association.verified" && a.TargetId == id.ToString() && a.ActorUserId == moderatorId));
            var mail = await db.Set<OutboxMessage>().SingleAsync(m => m.Category == "association.verified" && m.RecipientUserId == repId);
            Assert.Contains(name, mail.Subject, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Only_a_representative_approves_members_and_the_member_is_told()
    {
        await app.EnsureCycleAsync();
        var (rep, _) = await app.SignedInClientAsync();
        var id = await RegisterAsync(rep, "Association Adhésion " + Guid.NewGuid().ToString("N")[..6]);
        await VerifyAsync(id);
        var (alice, aliceId) = await app.SignedInClientAsync();
        var aliceRequest = await RequestJoinAsync(alice, id, aliceId);

        // Alice cannot approve herself, a moderator or an administrator cannot either: the representative decides.
        foreach (var client in new[] { alice, (await app.SignedInClientAsync(Roles.Moderator)).Client, (await app.SignedInClientAsync(Roles.Administrator)).Client })
            CommunityApp.AssertDenied(await client.PostWithTokenAsync("/associations", $"/associations/{id}?handler=Decide",
                F(("memberId", aliceRequest.ToString()), ("approve", "true"))));
        Assert.False(await app.WithScopeAsync(sp => sp.GetRequiredService<AssociationMembership>().CanActForAsync(aliceId, id)));

        var approved = await rep.PostWithTokenAsync($"/associations/{id}", $"/associations/{id}?handler=Decide",
            F(("memberId", aliceRequest.ToString()), ("approve", "true")));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.True(await app.WithScopeAsync(sp => sp.GetRequiredService<AssociationMembership>().CanActForAsync(aliceId, id)));
        await app.WithDbAsync(async db =>
        {
            Assert.True(await db.Set<OutboxMessage>().AnyAsync(m => m.Category == "membership.decided" && m.RecipientUserId == aliceId));
            Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.Action == "membership.approved" && a.TargetId == aliceRequest.ToString()));
        });
    }

    [Fact]
    public async Task A_non_member_cannot_post_in_the_forum_nor_act_for_an_association()
    {
        var (associationId, _, repId, member, memberId) = await VerifiedWithMemberAsync("Association Forum " + Guid.NewGuid().ToString("N")[..6]);
        var created = await Redirected(member.SubmitFormAsync("/forum/new", F(("Input.Category", "integrity"), ("Input.Title", "Rotation des sièges"), ("Input.Body", "Proposition")), "main form"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var threadUrl = created.Headers.Location!.ToString();

        var (outsider, outsiderId) = await app.SignedInClientAsync();
        CommunityApp.AssertDenied(await outsider.GetAsync("/forum/new"));
        CommunityApp.AssertDenied(await outsider.PostWithTokenAsync("/associations/register", "/forum/new",
            F(("Input.Category", "integrity"), ("Input.Title", "Intrus"), ("Input.Body", "Intrus"))));
        CommunityApp.AssertDenied(await outsider.PostWithTokenAsync(threadUrl, threadUrl + "?handler=Reply", F(("ReplyBody", "Intrus"))));
        // A pending member is not a member yet.
        var pendingRequest = await RequestJoinAsync(outsider, associationId, outsiderId);
        Assert.NotEqual(Guid.Empty, pendingRequest);
        CommunityApp.AssertDenied(await outsider.PostWithTokenAsync(threadUrl, threadUrl + "?handler=Reply", F(("ReplyBody", "Intrus"))));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ForumThread>().CountAsync(t => t.Title == "Intrus")));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ForumReply>().CountAsync(r => r.BodyMarkdown == "Intrus")));

        await app.WithScopeAsync(async sp =>
        {
            var m = sp.GetRequiredService<AssociationMembership>();
            Assert.False(await m.CanActForAsync(outsiderId, associationId));
            Assert.True(await m.CanActForAsync(memberId, associationId));
            Assert.True(await m.CanActForAsync(repId, associationId));
            Assert.False(await m.IsForumMemberAsync(outsiderId));
            Assert.Single(await m.VerifiedAssociationsOfAsync(memberId));
        });

        // An unverified association's own representative cannot act for it or post.
        var (pendingRep, pendingRepId) = await app.SignedInClientAsync();
        var unverified = await RegisterAsync(pendingRep, "Association Non Vérifiée " + Guid.NewGuid().ToString("N")[..6]);
        Assert.False(await app.WithScopeAsync(sp => sp.GetRequiredService<AssociationMembership>().CanActForAsync(pendingRepId, unverified)));
        CommunityApp.AssertDenied(await pendingRep.GetAsync("/forum/new"));

        // The public reads.
        var doc = await app.CreateBrowserlikeClient().GetDocumentAsync(threadUrl);
        Assert.Contains("Rotation des sièges", doc.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribers_are_notified_of_replies_reports_count_once_and_a_locked_thread_takes_no_reply()
    {
        var (_, rep, repId, member, memberId) = await VerifiedWithMemberAsync("Association Abonnés " + Guid.NewGuid().ToString("N")[..6]);
        var created = await Redirected(rep.SubmitFormAsync("/forum/new", F(("Input.Category", "citizen-participation"), ("Input.Title", "Suivi"), ("Input.Body", "Premier message")), "main form"));
        var threadUrl = created.Headers.Location!.ToString();
        var threadId = Guid.Parse(threadUrl.Split('/').Last());

        var replied = await member.SubmitFormAsync(threadUrl, F(("ReplyBody", "Une **réponse**")), "form[action*='handler=Reply']");
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        await app.WithDbAsync(async db =>
        {
            var mail = await db.Set<OutboxMessage>().SingleAsync(m => m.Category == "forum.reply" && m.RecipientUserId == repId);
            Assert.Contains("Suivi", mail.Subject, StringComparison.Ordinal);
            Assert.False(await db.Set<OutboxMessage>().AnyAsync(m => m.Category == "forum.reply" && m.RecipientUserId == memberId));
            Assert.Equal(1, (await db.Set<ForumThread>().SingleAsync(t => t.Id == threadId)).ReplyCount);
        });

        var (reader, _) = await app.SignedInClientAsync();
        for (var i = 0; i < 2; i++)
            await reader.PostWithTokenAsync(threadUrl, threadUrl + "?handler=Report", F(("target", "Thread"), ("targetId", threadId.ToString())));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ForumThread>().Where(t => t.Id == threadId).Select(t => t.ReportCount).SingleAsync()));

        CommunityApp.AssertDenied(await member.PostWithTokenAsync(threadUrl, threadUrl + "?handler=Moderate", F(("target", "Thread"), ("targetId", threadId.ToString()), ("action", "Lock"))));
        var (moderator, _) = await app.SignedInClientAsync(Roles.Moderator);
        var locked = await moderator.PostWithTokenAsync(threadUrl, threadUrl + "?handler=Moderate", F(("target", "Thread"), ("targetId", threadId.ToString()), ("action", "Lock")));
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        var refused = await member.PostWithTokenAsync(threadUrl, threadUrl + "?handler=Reply", F(("ReplyBody", "Encore")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("verrouillée", await refused.ReadTextAsync(), StringComparison.Ordinal);

        var hidden = await moderator.PostWithTokenAsync(threadUrl, threadUrl + "?handler=Moderate", F(("target", "Thread"), ("targetId", threadId.ToString()), ("action", "Hide")));
        Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateBrowserlikeClient().GetAsync(threadUrl)).StatusCode);
    }

    [Fact]
    public async Task Forum_threads_are_searchable_with_their_replies_and_leave_the_search_when_hidden()
    {
        var (_, _, _, _, memberId) = await VerifiedWithMemberAsync("Association Recherche " + Guid.NewGuid().ToString("N")[..6]);
        var word = "rotationxi" + Guid.NewGuid().ToString("N")[..6];
        var replyWord = "mandatxi" + Guid.NewGuid().ToString("N")[..6];
        Task<IReadOnlyList<SearchHit>> Search(string q) => app.WithScopeAsync(sp => sp.GetRequiredService<ISearchIndex>().SearchAsync(q, SearchKinds.ForumThread));
        var threadId = await app.WithScopeAsync(sp => sp.GetRequiredService<ForumService>().StartThreadAsync(memberId, "integrity", "Sièges " + word, "Proposition"));
        Assert.Equal($"/forum/threads/{threadId}", Assert.Single(await Search(word)).Url);

        var reply = await app.WithScopeAsync(sp => sp.GetRequiredService<ForumService>().ReplyAsync(memberId, threadId, $"Durée du **{replyWord}**", "http://localhost"));
        Assert.Single(await Search(replyWord));
        await app.WithScopeAsync(sp => sp.GetRequiredService<ForumService>().ModerateAsync("moderator", ForumTarget.Reply, reply.Id, ForumModeration.Hide));
        Assert.Empty(await Search(replyWord));
        Assert.Single(await Search(word));

        await app.WithScopeAsync(sp => sp.GetRequiredService<ForumService>().ModerateAsync("moderator", ForumTarget.Thread, threadId, ForumModeration.Hide));
        Assert.Empty(await Search(word));
    }

    [Fact]
    public async Task Parallel_replies_to_one_thread_are_all_kept_numbered_and_counted()
    {
        var (_, _, _, _, memberId) = await VerifiedWithMemberAsync("Association Parallèle " + Guid.NewGuid().ToString("N")[..6]);
        var threadId = await app.WithScopeAsync(sp => sp.GetRequiredService<ForumService>().StartThreadAsync(memberId, "integrity", "Fil très suivi", "Début"));
        var replies = await Task.WhenAll(Enumerable.Range(1, 10).Select(i => Task.Run(() =>
            app.WithScopeAsync(sp => sp.GetRequiredService<ForumService>().ReplyAsync(memberId, threadId, $"Réponse {i}", "http://localhost")))));
        Assert.Equal(Enumerable.Range(1, 10), replies.Select(r => r.Number).Order());
        var (count, rows) = await app.WithDbAsync(async db => (
            await db.Set<ForumThread>().Where(t => t.Id == threadId).Select(t => t.ReplyCount).SingleAsync(),
            await db.Set<ForumReply>().CountAsync(r => r.ThreadId == threadId)));
        Assert.Equal((10, 10), (count, rows));
    }

    [Fact]
    public async Task Long_threads_page_by_keyset_without_losing_or_repeating_replies()
    {
        var (_, _, _, member, memberId) = await VerifiedWithMemberAsync("Association Pages " + Guid.NewGuid().ToString("N")[..6]);
        var created = await Redirected(member.SubmitFormAsync("/forum/new", F(("Input.Category", "integrity"), ("Input.Title", "Long fil"), ("Input.Body", "Début")), "main form"));
        var threadUrl = created.Headers.Location!.ToString();
        var threadId = Guid.Parse(threadUrl.Split('/').Last());
        await app.WithScopeAsync(async sp =>
        {
            var forum = sp.GetRequiredService<ForumService>();
            for (var i = 1; i <= ForumService.ReplyPageSize + 5; i++) await forum.ReplyAsync(memberId, threadId, $"Réponse {i}", "http://localhost");
        });
        var first = await app.CreateBrowserlikeClient().GetDocumentAsync(threadUrl);
        Assert.Equal(ForumService.ReplyPageSize, first.QuerySelectorAll("[data-testid=replies] > li").Length);
        var more = first.QuerySelectorAll("a").First(a => (a.GetAttribute("href") ?? "").Contains("after=", StringComparison.Ordinal)).GetAttribute("href")!;
        var second = await app.CreateBrowserlikeClient().GetDocumentAsync(more);
        var ids = second.QuerySelectorAll("[data-testid=replies] > li").Select(li => li.Id).ToList();
        Assert.Equal(Enumerable.Range(ForumService.ReplyPageSize + 1, 5).Select(n => $"reply-{n}"), ids);
    }

    [Fact]
    public async Task Only_administrators_edit_minutes_and_drafts_stay_hidden_until_published()
    {
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);
        var title = "Comité test " + Guid.NewGuid().ToString("N")[..6];
        var created = await Redirected(admin.SubmitFormAsync("/meetings/edit", F(("Input.Committee", "Steering"), ("Input.Title", title), ("Input.HeldOn", "2024-02-22"),
            ("Input.IsRemote", "true"), ("Input.Agenda", "Point 1\nPoint 2"), ("Input.Participants", "Said Chakri ; AMCDD"), ("Input.Absentees", "ALCI"),
            ("Input.Minutes", "Relevé **brouillon**")), "main form"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.ToString().Split('/').Last());

        var anonymous = app.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/meetings/{id}")).StatusCode);
        Assert.DoesNotContain(title, await (await anonymous.GetAsync("/meetings")).ReadTextAsync(), StringComparison.Ordinal);

        foreach (var role in new[] { Roles.Moderator, Roles.CommitteeMember, Roles.AssociationMember })
        {
            var (other, _) = await app.SignedInClientAsync(role);
            CommunityApp.AssertDenied(await other.GetAsync($"/meetings/edit/{id}"));
            CommunityApp.AssertDenied(await other.PostWithTokenAsync("/associations/register", $"/meetings/edit/{id}",
                F(("Input.Committee", "Steering"), ("Input.Title", "Piraté"), ("Input.HeldOn", "2024-02-22"), ("Input.IsRemote", "true"), ("Input.Minutes", "Piraté"))));
            CommunityApp.AssertDenied(await other.PostWithTokenAsync("/associations/register", $"/meetings/{id}?handler=Publish", F(("publish", "true"))));
        }
        Assert.Equal("Relevé **brouillon**", await app.WithDbAsync(db => db.Set<Meeting>().Where(m => m.Id == id).Select(m => m.MinutesMarkdown).SingleAsync()));

        var decision = await admin.SubmitFormAsync($"/meetings/edit/{id}", F(("NewDecision.Text", "Mettre à jour les fiches"),
            ("NewDecision.OwnerOrganisation", "MTNRA"), ("NewDecision.DueOn", "2024-03-04")), "form[action*='handler=Decision']");
        Assert.Equal(HttpStatusCode.Redirect, decision.StatusCode);
        var published = await admin.PostWithTokenAsync($"/meetings/{id}", $"/meetings/{id}?handler=Publish", F(("publish", "true")));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var doc = await anonymous.GetDocumentAsync($"/meetings/{id}");
        Assert.Equal(["Point 1", "Point 2"], doc.QuerySelectorAll("[data-testid=agenda] li").Select(li => li.TextContent));
        Assert.Contains("AMCDD", doc.QuerySelector("[data-testid=participants]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ALCI", doc.QuerySelector("[data-testid=absentees]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("[data-testid=minutes] strong"));
    }

    [Fact]
    public async Task Open_decisions_are_followed_up_overdue_ones_flagged_and_only_their_owner_or_an_administrator_updates_them()
    {
        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);
        var ownerEmail = $"o{Guid.NewGuid():N}"[..16] + "@test.opengov.ma";
        var ownerId = await app.CreateUserAsync(ownerEmail);
        var owner = await app.SignedInClientForAsync(ownerId);
        var created = await Redirected(admin.SubmitFormAsync("/meetings/edit", F(("Input.Committee", "Implementation"), ("Input.Title", "Suivi échéances"),
            ("Input.HeldOn", "2026-11-01"), ("Input.Place", "Rabat"), ("Input.Minutes", "Relevé")), "main form"));
        var id = Guid.Parse(created.Headers.Location!.ToString().Split('/').Last());
        var today = DateOnly.FromDateTime(app.Clock.UtcNow);
        var text1 = "Échue " + Guid.NewGuid().ToString("N")[..6];
        var text2 = "À venir " + Guid.NewGuid().ToString("N")[..6];
        var organisation = "MTNRA " + Guid.NewGuid().ToString("N")[..6];
        await admin.SubmitFormAsync($"/meetings/edit/{id}", F(("NewDecision.Text", text1), ("NewDecision.OwnerName", "Point focal"), ("NewDecision.OwnerOrganisation", organisation),
            ("NewDecision.OwnerEmail", ownerEmail), ("NewDecision.DueOn", today.AddDays(-1).ToString("yyyy-MM-dd"))), "form[action*='handler=Decision']");
        await admin.SubmitFormAsync($"/meetings/edit/{id}", F(("NewDecision.Text", text2), ("NewDecision.OwnerOrganisation", organisation),
            ("NewDecision.DueOn", today.AddDays(1).ToString("yyyy-MM-dd"))), "form[action*='handler=Decision']");
        // An address no account holds is kept: it is how an owner without an account is reached.
        await Redirected(admin.SubmitFormAsync($"/meetings/edit/{id}", F(("NewDecision.Text", "Sans compte"), ("NewDecision.OwnerName", "Personne"),
            ("NewDecision.OwnerEmail", "personne@nulle-part.ma")), "form[action*='handler=Decision']"));
        Assert.Equal(("personne@nulle-part.ma", (string?)null), await app.WithDbAsync(db => db.Set<Decision>().Where(d => d.MeetingId == id && d.Text == "Sans compte")
            .Select(d => new ValueTuple<string?, string?>(d.OwnerEmail, d.OwnerUserId)).SingleAsync()));
        await admin.PostWithTokenAsync($"/meetings/{id}", $"/meetings/{id}?handler=Publish", F(("publish", "true")));

        var mine = "/meetings/decisions?owner=" + Uri.EscapeDataString(organisation);
        IElement Item(AngleSharp.Html.Dom.IHtmlDocument d, string text) => d.QuerySelectorAll("[data-testid=open-decisions] > li").Single(li => li.TextContent.Contains(text, StringComparison.Ordinal));
        var doc = await app.CreateBrowserlikeClient().GetDocumentAsync(mine);
        Assert.Equal("true", Item(doc, text1).GetAttribute("data-overdue"));
        Assert.Equal("false", Item(doc, text2).GetAttribute("data-overdue"));

        // Time passes: the second one becomes overdue too.
        app.Clock.Advance(TimeSpan.FromDays(2));
        try
        {
            doc = await app.CreateBrowserlikeClient().GetDocumentAsync(mine);
            Assert.Equal("true", Item(doc, text2).GetAttribute("data-overdue"));
        }
        finally { app.Clock.Advance(TimeSpan.FromDays(-2)); }

        var decisionIds = await app.WithDbAsync(db => db.Set<Decision>().Where(d => d.MeetingId == id).OrderBy(d => d.Order).Select(d => d.Id).ToListAsync());
        var (stranger, _) = await app.SignedInClientAsync(Roles.CommitteeMember);
        CommunityApp.AssertDenied(await stranger.PostWithTokenAsync("/associations/register", "/meetings/decisions?handler=Progress",
            F(("decisionId", decisionIds[0].ToString()), ("status", "Done"))));
        CommunityApp.AssertDenied(await owner.PostWithTokenAsync("/associations/register", "/meetings/decisions?handler=Progress",
            F(("decisionId", decisionIds[1].ToString()), ("status", "Done"))));
        var done = await owner.PostWithTokenAsync("/meetings/decisions", "/meetings/decisions?handler=Progress",
            F(("decisionId", decisionIds[0].ToString()), ("status", "Done"), ("note", "Fiches envoyées")));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        doc = await app.CreateBrowserlikeClient().GetDocumentAsync(mine);
        Assert.DoesNotContain(text1, doc.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xss_in_every_community_field_comes_back_inert()
    {
        await app.EnsureCycleAsync();
        var (rep, repId) = await app.SignedInClientAsync();
        var response = await Redirected(rep.SubmitFormAsync("/associations/register", F(("Input.Name", "Asso " + Xss), ("Input.Acronym", "<b>x</b>"),
            ("Input.Region", "national"), ("Input.Themes", "integrity"), ("Input.PublicContact", Xss), ("Input.Description", Xss)), "main form"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var associationUrl = response.Headers.Location!.ToString();
        await VerifyAsync(Guid.Parse(associationUrl.Split('/').Last()));

        var thread = await Redirected(rep.SubmitFormAsync("/forum/new", F(("Input.Category", "integrity"), ("Input.Title", Xss), ("Input.Body", Xss)), "main form"));
        var threadUrl = thread.Headers.Location!.ToString();
        await rep.SubmitFormAsync(threadUrl, F(("ReplyBody", Xss)), "form[action*='handler=Reply']");

        var (admin, _) = await app.SignedInClientAsync(Roles.Administrator);
        var meeting = await admin.SubmitFormAsync("/meetings/edit", F(("Input.Committee", "Steering"), ("Input.Title", Xss), ("Input.HeldOn", "2024-02-22"),
            ("Input.Place", Xss), ("Input.Agenda", Xss), ("Input.Participants", Xss + " ; " + Xss), ("Input.Absentees", Xss), ("Input.Minutes", Xss)), "main form");
        var meetingId = meeting.Headers.Location!.ToString().Split('/').Last();
        await admin.SubmitFormAsync($"/meetings/edit/{meetingId}", F(("NewDecision.Text", Xss), ("NewDecision.OwnerOrganisation", Xss), ("NewDecision.OwnerName", Xss)), "form[action*='handler=Decision']");
        await admin.PostWithTokenAsync($"/meetings/{meetingId}", $"/meetings/{meetingId}?handler=Publish", F(("publish", "true")));

        var anonymous = app.CreateBrowserlikeClient();
        foreach (var url in new[] { associationUrl, "/associations", threadUrl, "/forum", $"/meetings/{meetingId}", "/meetings", "/meetings/decisions" })
        {
            var html = await (await anonymous.GetAsync(url)).ReadTextAsync();
            var doc = Http.Parse(html);
            Assert.DoesNotContain(doc.QuerySelectorAll("script"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
            Assert.Empty(doc.QuerySelectorAll("[onerror]"));
            Assert.DoesNotContain(doc.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
            Assert.Contains("alert", doc.Body!.TextContent, StringComparison.Ordinal); // the text is shown, as text
        }
        Assert.NotEmpty(repId);
    }

    [Fact]
    public async Task The_demo_data_from_the_minutes_seeds_idempotently_and_renders()
    {
        for (var i = 0; i < 2; i++)
            await OpenGov.Web.Infrastructure.Demo.DemoData.SeedAsync(app.Services, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var anonymous = app.CreateBrowserlikeClient();
        var meetings = await anonymous.GetDocumentAsync("/meetings?committee=Steering");
        // The three steering-committee meetings of the minutes, once each despite the second seeding.
        Assert.Equal(3, meetings.QuerySelectorAll("[data-testid=meeting-list] > li").Count(li => li.TextContent.Contains("Réunion du comité de pilotage", StringComparison.Ordinal)));
        var committees = await anonymous.GetDocumentAsync("/committees");
        Assert.Equal("Parité respectée", committees.QuerySelector("[data-testid=committee-Steering] [data-testid=parity]")!.TextContent);
        Assert.NotNull(committees.QuerySelector("[data-testid=committee-Steering] [data-testid=vacancies]"));
        Assert.Contains("Transparency Maroc", (await anonymous.GetDocumentAsync("/associations")).Body!.TextContent, StringComparison.Ordinal);
        var july = await app.WithDbAsync(db => db.Set<Meeting>().Where(m => m.HeldOn == new DateOnly(2020, 7, 15)).Select(m => m.Id).SingleAsync());
        var doc = await anonymous.GetDocumentAsync($"/meetings/{july}");
        Assert.Contains("Saâd Benkirane", doc.QuerySelector("[data-testid=participants]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(7, doc.QuerySelectorAll("[data-testid=decisions] > li").Length);
        var arabic = await anonymous.GetAsync("/forum?culture=ar");
        Assert.Contains("dir=\"rtl\"", await arabic.ReadTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_directory_filters_by_region_and_theme_and_exports_csv()
    {
        await app.EnsureCycleAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (rep1, _) = await app.SignedInClientAsync();
        var a1 = await RegisterAsync(rep1, $"Asso Souss {suffix}", theme: "access-to-information", region: "souss-massa");
        var (rep2, _) = await app.SignedInClientAsync();
        var a2 = await RegisterAsync(rep2, $"=Asso, Oriental {suffix}", theme: "integrity", region: "oriental");
        await VerifyAsync(a1);
        await VerifyAsync(a2);

        var souss = (await app.CreateBrowserlikeClient().GetDocumentAsync("/associations?region=souss-massa")).QuerySelector("[data-testid=association-list]")!.TextContent;
        Assert.Contains($"Asso Souss {suffix}", souss, StringComparison.Ordinal);
        Assert.DoesNotContain($"Oriental {suffix}", souss, StringComparison.Ordinal);
        var integrity = (await app.CreateBrowserlikeClient().GetDocumentAsync("/associations?theme=integrity")).QuerySelector("[data-testid=association-list]")!.TextContent;
        Assert.Contains($"Oriental {suffix}", integrity, StringComparison.Ordinal);
        Assert.DoesNotContain($"Asso Souss {suffix}", integrity, StringComparison.Ordinal);

        var csv = await app.CreateBrowserlikeClient().GetAsync("/associations/export?theme=integrity");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.ReadTextAsync();
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("name,acronym,region,themes,website,public_contact,members", lines[0]);
        Assert.Contains(lines, l => l.StartsWith($"\"'=Asso, Oriental {suffix}\",,oriental,integrity,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains($"Asso Souss {suffix}", StringComparison.Ordinal));
    }
}

public sealed class CommunityTests_Sqlite(SqliteFactory app) : CommunityTests(app), IClassFixture<SqliteFactory>;

[Trait("db", "postgres")]
public sealed class CommunityTests_Postgres(PostgresFactory app) : CommunityTests(app), IClassFixture<PostgresFactory>;

[Trait("db", "sqlserver"), RequiresSqlServer]
public sealed class CommunityTests_SqlServer(SqlServerFactory app) : CommunityTests(app), IClassFixture<SqlServerFactory>;
