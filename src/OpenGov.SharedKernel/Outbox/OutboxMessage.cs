namespace OpenGov.SharedKernel.Outbox;

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    DeadLettered = 2,
    /// <summary>Not sent because the recipient chose no e-mail, or unsubscribed.</summary>
    Suppressed = 3,
    /// <summary>Folded into a digest e-mail instead of being sent alone.</summary>
    Digested = 4,
}

/// <summary>
/// An e-mail waiting to be delivered. Written in the same transaction as the change that causes it,
/// delivered later by a worker, so a notification is never lost nor sent for a change that rolled back.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public OutboxMessage(Guid id, DateTime createdAt, OutgoingMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentException.ThrowIfNullOrWhiteSpace(mail.Category);
        if (string.IsNullOrWhiteSpace(mail.ToAddress) && string.IsNullOrWhiteSpace(mail.RecipientUserId))
            throw new ArgumentException("A mail needs a recipient user or an address.", nameof(mail));
        if (string.IsNullOrWhiteSpace(mail.Template) && (string.IsNullOrWhiteSpace(mail.Subject) || mail.TextBody is null))
            throw new ArgumentException("A mail needs a template, or a subject and a text body.", nameof(mail));
        Id = id;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
        Category = mail.Category;
        RecipientUserId = mail.RecipientUserId;
        ToAddress = mail.ToAddress;
        Culture = mail.Culture;
        Subject = mail.Subject;
        TextBody = mail.TextBody;
        HtmlBody = mail.HtmlBody;
        Template = mail.Template;
        ValuesJson = mail.Values is null ? null : System.Text.Json.JsonSerializer.Serialize(mail.Values);
        DedupKey = mail.DedupKey;
        AttachmentName = mail.AttachmentName;
        AttachmentContentType = mail.AttachmentContentType;
        AttachmentContent = mail.AttachmentContent;
        // Stable across retries so a receiving server (or a person) recognises a repeated attempt.
        MessageId = $"<{id:N}@opengov>";
    }

    public Guid Id { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public string Category { get; private set; } = "";
    public string? RecipientUserId { get; private set; }
    /// <summary>Null when addressed to <see cref="RecipientUserId"/>: the address is resolved at delivery.</summary>
    public string? ToAddress { get; private set; }
    public string Culture { get; private set; } = "fr";
    /// <summary>Null for templated mails, which are rendered at delivery in the recipient's language.</summary>
    public string? Subject { get; private set; }
    public string? TextBody { get; private set; }
    public string? HtmlBody { get; private set; }
    /// <summary>"ResourceName:Key" of a mail template, or null for an already rendered mail.</summary>
    public string? Template { get; private set; }
    /// <summary>The template's placeholder values, as a JSON object of strings.</summary>
    public string? ValuesJson { get; private set; }
    public string MessageId { get; private set; } = "";
    /// <summary>Unique when set: lets a job enqueue "at most once per period" safely.</summary>
    public string? DedupKey { get; private set; }
    public string? AttachmentName { get; private set; }
    public string? AttachmentContentType { get; private set; }
    public string? AttachmentContent { get; private set; }

    public OutboxStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime NextAttemptAt { get; private set; }
    public DateTime? LockedUntil { get; private set; }
    public string? LockedBy { get; private set; }
    public DateTime? SentAt { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>Pending but waiting for the recipient's daily digest: the delivery worker leaves it to the digest job.</summary>
    public bool HeldForDigest { get; private set; }

    /// <summary>The recipient chose a daily digest for this category: keep it pending for the digest job.</summary>
    public void HoldForDigest()
    {
        if (Status != OutboxStatus.Pending) throw new InvalidOperationException("Only a pending message can wait for a digest.");
        HeldForDigest = true;
        LockedBy = null;
        LockedUntil = null;
    }

    public void MarkSent(DateTime now)
    {
        Status = OutboxStatus.Sent;
        SentAt = now;
        Attempts++;
        LockedBy = null;
        LockedUntil = null;
        LastError = null;
    }

    /// <summary>Records a failed attempt: retried with exponential backoff (capped at <paramref name="maxDelay"/>),
    /// dead-lettered after <paramref name="maxAttempts"/>.</summary>
    public void MarkFailed(DateTime now, string error, int maxAttempts, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        LockedBy = null;
        LockedUntil = null;
        if (Attempts >= maxAttempts)
        {
            Status = OutboxStatus.DeadLettered;
            return;
        }
        NextAttemptAt = now + RetryDelay(Attempts, baseDelay, maxDelay);
    }

    /// <summary>The wait after the <paramref name="attempt"/>-th failure: base × 2^(attempt-1), at most <paramref name="maxDelay"/>.</summary>
    public static TimeSpan RetryDelay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        var ticks = Math.Min(baseDelay.Ticks * factor, maxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    public void Suppress()
    {
        Status = OutboxStatus.Suppressed;
        LockedBy = null;
        LockedUntil = null;
    }

    public void MarkDigested(DateTime now)
    {
        if (Status != OutboxStatus.Pending) throw new InvalidOperationException("Only a pending message can be folded into a digest.");
        Status = OutboxStatus.Digested;
        SentAt = now;
        LockedBy = null;
        LockedUntil = null;
    }

    /// <summary>An administrator's re-send of a dead letter: back to pending, attempts reset.</summary>
    public void Requeue(DateTime now)
    {
        if (Status != OutboxStatus.DeadLettered)
            throw new InvalidOperationException("Only a dead-lettered message can be re-sent.");
        Status = OutboxStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        LastError = null;
    }
}
