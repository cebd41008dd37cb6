namespace OpenGov.Web.Api;

/// <summary>The published commitment sheet of the trail.</summary>
public sealed record TraceSheetDto(Guid Id, Guid CycleId, string Title, string Url);
