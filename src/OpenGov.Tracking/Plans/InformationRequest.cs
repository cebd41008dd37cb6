using OpenGov.SharedKernel.Errors;
namespace OpenGov.Tracking.Plans;

/// <summary>A committee member's question to a commitment's project leads, and the leads' answer.</summary>
public sealed class InformationRequest
{
    private InformationRequest() { }

    public InformationRequest(Guid id, Guid commitmentId, string askedBy, string question, DateTime askedAt)
    {
        Commitment.Require(question, 4000, "Field.question");
        Id = id;
        CommitmentId = commitmentId;
        AskedBy = askedBy;
        Question = question.Trim();
        AskedAt = askedAt;
    }

    public Guid Id { get; private set; }
    public Guid CommitmentId { get; private set; }
    public string AskedBy { get; private set; } = "";
    public string Question { get; private set; } = "";
    public DateTime AskedAt { get; private set; }
    public string? Answer { get; private set; }
    public string? AnsweredBy { get; private set; }
    public DateTime? AnsweredAt { get; private set; }

    public bool IsOpen => AnsweredAt is null;

    public void AnswerWith(string answer, string userId, DateTime now)
    {
        Commitment.Require(answer, 8000, "Field.answer");
        if (!IsOpen) throw DomainException.Rule("RequestHasAlreadyBeenAnswered");
        Answer = answer.Trim();
        AnsweredBy = userId;
        AnsweredAt = now;
    }

    public bool IsOverdue(DateTime now, int days) => IsOpen && now - AskedAt > TimeSpan.FromDays(days);
}
