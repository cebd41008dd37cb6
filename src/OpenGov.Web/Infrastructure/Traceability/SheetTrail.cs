using OpenGov.Consultation.Feedback;
using OpenGov.Consultation.OpenData;
using OpenGov.Tracking.Plans;

namespace OpenGov.Web.Infrastructure.Traceability;

/// <summary>A sheet's trail: the ideas it integrated and the commitment it became.</summary>
public sealed record SheetTrail(IReadOnlyList<TracedIdea> Ideas, CommitmentRef? Commitment);
