using OpenGov.SharedKernel.Text;

namespace OpenGov.Web.Api;

/// <summary>One axis of a plan and its rate (0–100, unrounded). <c>Name</c> is the French name.</summary>
public sealed record PlanAxisRateDto(string Name, LocalizedTextDto Names, double Rate);
