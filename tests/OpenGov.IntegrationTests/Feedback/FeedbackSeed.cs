using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Proposals;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.Web.Data;

namespace OpenGov.IntegrationTests.Feedback;

public sealed record SeededIdea(Guid Id, string Title, string AuthorId, string AuthorEmail, string Region, Guid AxisId);

public sealed record SeededCycle(Guid Id, Guid AxisA, Guid AxisB, IReadOnlyList<SeededIdea> Ideas);

/// <summary>A cycle with two axes and published ideas by distinct authors (the proposals feature is built elsewhere: rows go in directly).</summary>
public static class FeedbackSeed
{
    public static async Task<SeededCycle> CycleAsync(OpenGovFactory app, int ideas, Func<int, string>? region = null, Func<int, SubmitterType>? type = null)
    {
        var now = app.Clock.UtcNow;
        var cycle = new Cycle(Guid.NewGuid(), "Cycle " + Guid.NewGuid().ToString("N")[..6], "", 2024, 2027, now);
        var a = cycle.AddAxis("transparence", "Transparence", "الشفافية", "Transparency");
        var b = cycle.AddAxis("participation", "Participation", "المشاركة", "Participation");
        var authors = new List<(string Id, string Email)>();
        for (var i = 0; i < ideas; i++)
        {
            var email = $"a{i}-{Guid.NewGuid():N}"[..16] + "@test.ma";
            authors.Add((await app.CreateUserAsync(email), email));
        }
        var seeded = new List<SeededIdea>();
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.Add(cycle);
            for (var i = 0; i < ideas; i++)
            {
                var r = region?.Invoke(i) ?? "national";
                var t = type?.Invoke(i) ?? SubmitterType.Citizen;
                var axis = i % 2 == 0 ? a.Id : b.Id;
                var p = new Proposal(Guid.NewGuid(), cycle.Id, authors[i].Id, "Auteur " + i, t, t == SubmitterType.Association ? Guid.NewGuid() : null,
                    t == SubmitterType.Association ? "Association " + i : null,
                    new ProposalContent($"Idée {i} {Guid.NewGuid():N}"[..20], "Problème", "Solution", axis, r, "Impact"), now.AddMinutes(-100 + i));
                p.Submit(now.AddMinutes(-90 + i));
                p.Publish(now.AddMinutes(-80 + i));
                if (i == 0) p.CommentAdded();
                db.Add(p);
                seeded.Add(new SeededIdea(p.Id, p.Title, authors[i].Id, authors[i].Email, r, axis));
            }
            await db.SaveChangesAsync();
        });
        return new SeededCycle(cycle.Id, a.Id, b.Id, seeded);
    }
}
