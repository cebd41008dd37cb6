using OpenGov.Consultation.Associations;

namespace OpenGov.Consultation.Forum;

public sealed record CategoryRow(ThemeOption Theme, int ThreadCount);
