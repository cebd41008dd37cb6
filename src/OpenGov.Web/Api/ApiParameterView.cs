namespace OpenGov.Web.Api;

/// <summary>A parameter of an operation: its name, where it goes (path, query), whether it is required and its type.</summary>
public sealed record ApiParameterView(string Name, string In, bool Required, string Type, string? Description);
