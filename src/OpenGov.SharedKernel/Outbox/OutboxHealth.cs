namespace OpenGov.SharedKernel.Outbox;

/// <summary>The outbox at a glance: mails waiting (and since when), dead letters, and mails sent in the last 24 hours.</summary>
public sealed record OutboxHealth(int Pending, DateTime? OldestPendingAt, int DeadLetters, int SentLastDay);
