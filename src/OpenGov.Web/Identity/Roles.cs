namespace OpenGov.Web.Identity;

public static class Roles
{
    public const string Citizen = "Citizen";
    public const string AssociationMember = "AssociationMember";
    public const string AdministrationEditor = "AdministrationEditor";
    public const string Moderator = "Moderator";
    public const string CommitteeMember = "CommitteeMember";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All =
        [Citizen, AssociationMember, AdministrationEditor, Moderator, CommitteeMember, Administrator];
}

/// <summary>Authorization policy names; pages use these rather than role strings.</summary>
public static class Policies
{
    public const string Administrator = "Administrator";
    public const string Moderator = "Moderator";          // moderators and administrators
    public const string CommitteeMember = "CommitteeMember";
    public const string AdministrationEditor = "AdministrationEditor";
}
