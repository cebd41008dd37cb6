using OpenGov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenGov.SharedKernel.Auditing;

namespace OpenGov.Tracking.Plans;

/// <summary>Committee members ask a commitment's project leads for more information; the leads answer.
/// The thread is visible to committee members, administrators and the commitment's leads.</summary>
public sealed class InformationRequests(DbContext db, IAuditLog audit, TimeProvider clock, IOptions<TrackingOptions> options)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Guid?> AskAsync(Guid commitmentId, string question, string committeeMemberId, CancellationToken ct = default)
    {
        if (!await db.Set<Commitment>().AnyAsync(c => c.Id == commitmentId, ct)) return null;
        var request = new InformationRequest(Guid.NewGuid(), commitmentId, committeeMemberId, question, Now);
        db.Add(request);
        audit.Record(committeeMemberId, "plan.information-requested", "Commitment", commitmentId.ToString());
        await db.SaveChangesAsync(ct);
        return request.Id;
    }

    /// <summary>Answers a request; only the commitment's leads (or an administrator) may.</summary>
    public async Task<bool> AnswerAsync(Guid requestId, string answer, Actor actor, CancellationToken ct = default)
    {
        var request = await db.Set<InformationRequest>().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return false;
        if (!actor.IsAdministrator && !await db.Set<CommitmentLead>().AnyAsync(l => l.CommitmentId == request.CommitmentId && l.UserId == actor.UserId, ct))
            throw DomainException.Forbidden("LeadsAnswerRequests");
        request.AnswerWith(answer, actor.UserId, Now);
        var commitment = await db.Set<Commitment>().FirstAsync(c => c.Id == request.CommitmentId, ct);
        db.Add(commitment.Touch(actor.UserId, Now, "answer", "Information request answered"));
        audit.Record(actor.UserId, "plan.information-answered", "Commitment", request.CommitmentId.ToString());
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<List<RequestView>> ThreadAsync(Guid commitmentId, CancellationToken ct = default)
    {
        var days = options.Value.InformationRequestOverdueDays;
        var now = Now;
        var rows = await db.Set<InformationRequest>().AsNoTracking().Where(r => r.CommitmentId == commitmentId)
            .OrderBy(r => r.AskedAt).ToListAsync(ct);
        return rows.Select(r => new RequestView(r.Id, r.AskedBy, r.Question, r.AskedAt, r.Answer, r.AnsweredBy, r.AnsweredAt, r.IsOverdue(now, days))).ToList();
    }

    /// <summary>Open requests on the commitments a user leads (all for an administrator), oldest first.</summary>
    public async Task<List<(RequestView Request, Guid CommitmentId, int Number)>> OpenForLeadAsync(Actor actor, CancellationToken ct = default)
    {
        var days = options.Value.InformationRequestOverdueDays;
        var now = Now;
        var rows = await db.Set<InformationRequest>().AsNoTracking()
            .Where(r => r.AnsweredAt == null)
            .Join(db.Set<Commitment>(), r => r.CommitmentId, c => c.Id, (r, c) => new { r, c.Number, c.Id })
            .Where(x => actor.IsAdministrator || db.Set<CommitmentLead>().Any(l => l.CommitmentId == x.Id && l.UserId == actor.UserId))
            .OrderBy(x => x.r.AskedAt).Take(200).ToListAsync(ct);
        return rows.Select(x => (new RequestView(x.r.Id, x.r.AskedBy, x.r.Question, x.r.AskedAt, null, null, null, x.r.IsOverdue(now, days)), x.Id, x.Number)).ToList();
    }
}
