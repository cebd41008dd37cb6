using OpenGov.SharedKernel.Text;

namespace OpenGov.Tracking.Plans;

/// <summary>An adopted (published) plan with its overall implementation rate (0..1); details at <see cref="ProgressUrl"/>.</summary>
public sealed record PlanDto(Guid Id, string Title, int StartYear, int EndYear, DateTime? PublishedAt, int Commitments, double OverallRate,
    string ProgressUrl, string ExportJsonUrl, string ExportCsvUrl, string SelfAssessmentReportUrl, LocalizedTextDto? Titles = null);
