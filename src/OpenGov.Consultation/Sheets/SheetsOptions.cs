
namespace OpenGov.Consultation.Sheets;

public sealed class SheetsOptions
{
    /// <summary>Default consultation length when the cycle has no public-consultation phase ahead.</summary>
    public int DefaultConsultationDays { get; set; } = 30;
}
