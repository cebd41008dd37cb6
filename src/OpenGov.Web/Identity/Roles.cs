namespace OpenGov.Web.Identity;

public static class Roles
{
    public const string Citizen = "Citizen";
    public const string AssociationMember = "AssociationMember";
    public const string AdministrationEditor = "AdministrationEditor";
    public const string Moderator = "Moderator";
    public const string CommitteeMember = "CommitteeMember";
    public const string Administrator = "Administrator";
    /// <summary>Enters the ideas of the regional workshops they run (not a moderator: their ideas are moderated like others).</summary>
    public const string Facilitator = "Facilitator";

    public static readonly IReadOnlyList<string> All =
        [Citizen, AssociationMember, AdministrationEditor, Moderator, CommitteeMember, Facilitator, Administrator];
}

/// <summary>Authorization policy names; pages use these rather than role strings.</summary>
public static class Policies
{
    public const string Administrator = "Administrator";
    public const string Moderator = "Moderator";          // moderators and administrators
    public const string CommitteeMember = "CommitteeMember";
    public const string AdministrationEditor = "AdministrationEditor";
    public const string Facilitator = "Facilitator";       // workshop facilitators and administrators
}
