using OpenGov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Links;
using OpenGov.SharedKernel.Outbox;

namespace OpenGov.Tracking.Plans;

/// <summary>Committee members ask a commitment's project leads for more information; the leads answer.
/// The thread is visible to committee members, administrators and the commitment's leads. The question is mailed to the
/// commitment's leads and focal point (<see cref="CommitmentRecipients"/>), the answer to the member who asked.</summary>
public sealed class InformationRequests(DbContext db, IAuditLog audit, TimeProvider clock, IOptions<TrackingOptions> options,
    IOutbox outbox, SiteLinks links, CommitmentRecipients recipients)
{
    public const string RequestedCategory = "plan.information.requested";
    public const string AnsweredCategory = "plan.information.answered";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Guid?> AskAsync(Guid commitmentId, string question, string committeeMemberId, CancellationToken ct = default)
    {
        var commitment = await db.Set<Commitment>().AsNoTracking().Where(c => c.Id == commitmentId)
            .Select(c => new { c.Number, c.Title }).FirstOrDefaultAsync(ct);
        if (commitment is null) return null;
        var request = new InformationRequest(Guid.NewGuid(), commitmentId, committeeMemberId, question, Now);
        db.Add(request);
        audit.Record(committeeMemberId, "plan.information-requested", "Commitment", commitmentId.ToString());
        var values = new Dictionary<string, string>
        {
            ["number"] = commitment.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["title"] = commitment.Title,
            ["question"] = request.Question,
            ["url"] = links.To($"/plan/manage/commitments/{commitmentId}"),
        };
        foreach (var r in await recipients.ForAsync(commitmentId, ct))
            if (r.UserId != committeeMemberId)
                outbox.Enqueue(r.Mail(RequestedCategory, "PlanText:Mail.InformationRequested", values, $"{RequestedCategory}:{request.Id}:{r.Key}"));
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
        outbox.Enqueue(OutgoingMail.FromTemplate(AnsweredCategory, request.AskedBy, "PlanText:Mail.InformationAnswered", new Dictionary<string, string>
        {
            ["number"] = commitment.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["title"] = commitment.Title,
            ["question"] = request.Question,
            ["answer"] = request.Answer!,
            ["url"] = links.To($"/plan/commitments/{commitment.Id}#requests"),
        }, $"{AnsweredCategory}:{request.Id}"));
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
