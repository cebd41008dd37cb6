
namespace OpenGov.Consultation.Feedback;

public sealed record AnswerInput(ResponseState State, Guid? SheetId, string Justification, Guid? TemplateId = null);
