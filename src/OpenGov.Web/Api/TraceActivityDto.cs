using OpenGov.SharedKernel.Text;

namespace OpenGov.Web.Api;

/// <summary>An activity of the commitment with its progress (0..100, unrounded); <see cref="Titles"/> in fr/ar/en.</summary>
public sealed record TraceActivityDto(Guid Id, int Order, string Title, double Percent, bool IsCancelled, string Url, LocalizedTextDto Titles);
