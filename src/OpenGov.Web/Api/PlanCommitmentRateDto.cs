using OpenGov.SharedKernel.Text;

namespace OpenGov.Web.Api;

/// <summary>One commitment of a plan, its axis (French name) and its rate (0–100, unrounded).</summary>
public sealed record PlanCommitmentRateDto(int Number, string Title, LocalizedTextDto Titles, string Axis, double Rate);
