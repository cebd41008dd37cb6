namespace OpenGov.Consultation.Proposals;

/// <summary>Who acts: a signed-in user's id and public display name (never the e-mail).</summary>
public sealed record Actor(string UserId, string DisplayName);
