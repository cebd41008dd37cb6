using OpenGov.SharedKernel.Text;

namespace OpenGov.Web.Api;

/// <summary>The published commitment sheet of the trail; <see cref="Titles"/>: its title in fr/ar/en (missing ones null).</summary>
public sealed record TraceSheetDto(Guid Id, Guid CycleId, string Title, string Url, LocalizedTextDto Titles);
