using OpenGov.SharedKernel.Text;

namespace OpenGov.Web.Api;

/// <summary>The commitment of a published plan adopted from the sheet; <see cref="Titles"/> and <see cref="PlanTitles"/>
/// in fr/ar/en (missing ones null).</summary>
public sealed record TraceCommitmentDto(Guid Id, Guid PlanId, string PlanTitle, int Number, string Title, string Url,
    LocalizedTextDto Titles, LocalizedTextDto PlanTitles);
