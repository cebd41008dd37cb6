using OpenGov.Consultation.Feedback;
using OpenGov.Consultation.OpenData;
using OpenGov.Tracking.Plans;

namespace OpenGov.Web.Infrastructure.Traceability;

/// <summary>Where an idea went: its published response (and the sheet that integrated it), then the commitment adopted from that sheet.</summary>
public sealed record IdeaTrail(PublishedResponse? Response, CommitmentRef? Commitment);
