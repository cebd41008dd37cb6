using OpenGov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Associations;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Follows;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Search;

namespace OpenGov.Consultation.Proposals;

public sealed record ProposalInput(Guid CycleId, string Title, string Problem, string Solution, Guid AxisId, string Region,
    string ExpectedImpact, SubmitterType SubmitterType, Guid? AssociationId);

/// <summary>The author's side: drafts, submission (only while the cycle collects ideas), edits until publication, withdrawal.</summary>
public sealed class ProposalSubmission(DbContext db, TimeProvider clock, AssociationMembership memberships,
    Followers followers, ISearchIndex search, IAuditLog audit)
{
    /// <summary>Creates a draft (or submits it at once when <paramref name="submit"/>). Returns its id.</summary>
    public async Task<Guid> CreateAsync(Actor actor, ProposalInput input, bool submit, bool isAdministrationEditor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await EnsureCollectingAsync(input, now, ct);
        var association = await ResolveSubmitterAsync(actor, input, isAdministrationEditor, ct);
        var proposal = new Proposal(Guid.NewGuid(), input.CycleId, actor.UserId, actor.DisplayName, input.SubmitterType,
            association?.Id, association?.Name, Content(input), now);
        if (submit) proposal.Submit(now);
        db.Add(proposal);
        db.Add(new ProposalCredit(proposal.Id, actor.UserId, actor.DisplayName, association?.Name, null, now));
        await db.SaveChangesAsync(ct);
        // Authors follow their own idea, to hear of its publication, comments and feedback.
        await followers.FollowAsync(actor.UserId, FollowTarget.Proposal, proposal.Id, ct);
        return proposal.Id;
    }

    /// <summary>Edits a draft or a submitted proposal (until a moderator publishes it); submits a draft when asked.</summary>
    public async Task UpdateAsync(Actor actor, Guid id, ProposalInput input, bool submit, bool isAdministrationEditor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var proposal = await db.Set<Proposal>().FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw DomainException.NotFound("NotFound");
        if (proposal.AuthorUserId != actor.UserId) throw DomainException.Forbidden("AuthorEditProposal");
        // The cycle is fixed at creation.
        input = input with { CycleId = proposal.CycleId };
        await EnsureCollectingAsync(input, now, ct);
        if (input.SubmitterType != proposal.SubmitterType || input.AssociationId != proposal.AssociationId)
            throw DomainException.Rule("SubmitterCannotChangeAfterCreation");
        proposal.Edit(Content(input), actor.UserId, now);
        if (submit && proposal.Status == ProposalStatus.Draft) proposal.Submit(now);
        await db.SaveChangesAsync(ct);
    }

    public async Task WithdrawAsync(Actor actor, Guid id, string reason, CancellationToken ct = default)
    {
        var proposal = await db.Set<Proposal>().FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw DomainException.NotFound("NotFound");
        proposal.Withdraw(actor.UserId, reason, clock.GetUtcNow().UtcDateTime);
        await search.RemoveAsync(SearchKinds.Proposal, id.ToString(), ct);
        audit.Record(actor.UserId, "proposal.withdrawn", nameof(Proposal), id.ToString(), reason.Trim());
        await db.SaveChangesAsync(ct);
    }

    private async Task EnsureCollectingAsync(ProposalInput input, DateTime now, CancellationToken ct)
    {
        // A draft cycle takes no idea, even by a forged cycle id.
        if (!await db.Set<Cycle>().Where(Cycle.Published).AnyAsync(c => c.Id == input.CycleId, ct)) throw DomainException.Rule("UnknownCycle");
        var phases = await db.Set<CyclePhase>().Where(p => p.CycleId == input.CycleId)
            .Select(p => new { p.Kind, p.StartsAt, p.EndsAt }).ToListAsync(ct);
        if (phases.Count == 0) throw DomainException.Rule("UnknownCycle");
        if (!phases.Any(p => p.Kind == PhaseKind.ProposalCollection && p.StartsAt <= now && now < p.EndsAt))
            throw DomainException.Rule("CollectionClosed");
        if (!await db.Set<CycleAxis>().AnyAsync(a => a.Id == input.AxisId && a.CycleId == input.CycleId, ct))
            throw DomainException.Rule("UnknownAxis");
    }

    private async Task<AssociationRef?> ResolveSubmitterAsync(Actor actor, ProposalInput input, bool isAdministrationEditor, CancellationToken ct)
    {
        switch (input.SubmitterType)
        {
            case SubmitterType.Citizen:
                return null;
            case SubmitterType.Association:
                if (input.AssociationId is not { } associationId || !await memberships.CanActForAsync(actor.UserId, associationId, ct))
                    throw DomainException.Rule("NotAssociationMember");
                return (await memberships.VerifiedAssociationsOfAsync(actor.UserId, ct)).First(a => a.Id == associationId);
            case SubmitterType.Administration:
                if (!isAdministrationEditor) throw DomainException.Rule("NotAdministration");
                return null;
            default:
                throw DomainException.Rule("UnknownSubmitterType");
        }
    }

    private static ProposalContent Content(ProposalInput i) => new(i.Title, i.Problem, i.Solution, i.AxisId, i.Region, i.ExpectedImpact);
}
