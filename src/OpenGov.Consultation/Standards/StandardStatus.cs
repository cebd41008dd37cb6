using System.Text.Json.Serialization;

namespace OpenGov.Consultation.Standards;

/// <summary>A requirement's verdict; the API writes it by name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StandardStatus>))]
public enum StandardStatus { NotMet = 0, Partly = 1, Met = 2 }
