using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Proposals;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.Web.Data;
using OpenGov.Web.Identity;

namespace OpenGov.IntegrationTests.Proposals;

/// <summary>Helpers for the proposal tests: cycles open at the test clock and proposals in a given state
/// (sign in with OpenGovFactory.SignedInClientAsync).</summary>
public static class ProposalsTestKit
{
    /// <summary>A cycle whose collection phase is open at the test clock (from a day before to 30 days after).</summary>
    public static Task<(Guid CycleId, Guid AxisId)> OpenCycleAsync(this OpenGovFactory app) => app.WithDbAsync(async db =>
    {
        var now = app.Clock.UtcNow;
        var cycle = new Cycle(Guid.NewGuid(), "Test cycle " + Guid.NewGuid().ToString("N")[..6], "", 2027, 2029, now);
        var axis = cycle.AddAxis("axis", "Axe", "محور", "Axis");
        cycle.SetPhase(PhaseKind.ProposalCollection, now.AddDays(-1), now.AddDays(30));
        cycle.SetPhase(PhaseKind.Prioritisation, now.AddDays(30), now.AddDays(60));
        db.Add(cycle);
        await db.SaveChangesAsync();
        return (cycle.Id, axis.Id);
    });

    /// <summary>A proposal by <paramref name="authorId"/> through the real use cases, published unless said otherwise.</summary>
    public static Task<Guid> ProposalAsync(this OpenGovFactory app, Guid cycleId, Guid axisId, string authorId, string title,
        string? body = null, bool publish = true, bool submit = true) => app.WithScopeAsync(async sp =>
    {
        var id = await sp.GetRequiredService<ProposalSubmission>().CreateAsync(new Actor(authorId, "Author " + authorId[..4]),
            new ProposalInput(cycleId, title, body ?? "Problème " + title, "Solution " + title, axisId, "national", "Impact", SubmitterType.Citizen, null),
            submit, false);
        if (publish) await sp.GetRequiredService<ProposalModeration>().PublishAsync("moderator", id);
        return id;
    });

    public static Task<Proposal> LoadProposalAsync(this OpenGovFactory app, Guid id)
        => app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Set<Proposal>(), p => p.Id == id));

}
