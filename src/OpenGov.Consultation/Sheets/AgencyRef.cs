
namespace OpenGov.Consultation.Sheets;

public sealed record AgencyRef(Guid Id, string Name, string? Acronym);
