namespace OpenGov.Consultation.Proposals;

/// <summary>Messages of rule violations raised by the proposal use cases. Each is also a key of the web's ProposalsText
/// resource, so pages show it in the visitor's language.</summary>
public static class ProposalErrors
{
    public const string CollectionClosed = "Error.CollectionClosed";
    public const string UnknownCycle = "Error.UnknownCycle";
    public const string UnknownAxis = "Error.UnknownAxis";
    public const string NotAssociationMember = "Error.NotAssociationMember";
    public const string NotAdministration = "Error.NotAdministration";
    public const string NotFound = "Error.NotFound";
    public const string AlreadyReported = "Error.AlreadyReported";
    public const string NotPublic = "Error.NotPublic";
    public const string MergeTarget = "Error.MergeTarget";
}

/// <summary>Who acts: a signed-in user's id and public display name (never the e-mail).</summary>
public sealed record Actor(string UserId, string DisplayName);
