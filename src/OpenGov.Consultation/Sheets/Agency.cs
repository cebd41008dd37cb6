using OpenGov.SharedKernel.Text;
namespace OpenGov.Consultation.Sheets;

/// <summary>
/// A public institution that leads commitment sheets (a ministry, an agency). Editing rights follow agencies, not the
/// free-text organisation of an account: an administrator links each AdministrationEditor to the agencies they write for
/// (<see cref="AgencyEditor"/>), and every sheet use case checks that link on the server.
/// </summary>
public sealed class Agency
{
    private Agency() { }

    public Agency(Guid id, string name, string? acronym)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Name = SingleLineText.Trim(name, "Name");
        Acronym = SingleLineText.TrimOrNull(acronym, "Acronym");
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string? Acronym { get; private set; }
}

/// <summary>An editor account allowed to write the sheets of one agency.</summary>
public sealed class AgencyEditor
{
    private AgencyEditor() { }

    public AgencyEditor(Guid agencyId, string userId, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        Id = Guid.NewGuid();
        AgencyId = agencyId;
        UserId = userId;
        LinkedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public string UserId { get; private set; } = "";
    public DateTime LinkedAt { get; private set; }
}
