
namespace OpenGov.Consultation.Sheets;

public sealed class SheetsOptions
{
    /// <summary>Absolute site base for links in notifications (set by the host from Site:PublicBaseUrl).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";
    /// <summary>Default consultation length when the cycle has no public-consultation phase ahead.</summary>
    public int DefaultConsultationDays { get; set; } = 30;
}
