using OpenGov.SharedKernel.Outbox;

namespace OpenGov.Tracking.Plans;

/// <summary>
/// Someone to mail about a commitment: a project lead's account, or the focal point's (their account if one holds the
/// address, else the bare address); see <see cref="MailRecipient"/>.
/// </summary>
public sealed record CommitmentRecipient(string? UserId, string? Address, string Culture = MailLanguage.Default) : MailRecipient(UserId, Address, Culture);
