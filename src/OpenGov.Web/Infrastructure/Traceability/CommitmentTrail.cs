using OpenGov.Consultation.Feedback;
using OpenGov.Consultation.OpenData;

namespace OpenGov.Web.Infrastructure.Traceability;

/// <summary>A commitment's trail back: the published sheet it was adopted from and, through it, the ideas it integrated.</summary>
public sealed record CommitmentTrail(TracedSheet? Sheet, IReadOnlyList<TracedIdea> Ideas);
