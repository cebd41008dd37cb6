using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenGov.Consultation.Feedback;

namespace OpenGov.Consultation;

internal static class FeedbackFeature
{
    public static IServiceCollection AddFeedbackFeature(this IServiceCollection services)
    {
        services.AddScoped<FeedbackAnswers>();
        services.AddScoped<OpenData.ResponseTrace>();
        services.AddScoped<AnswerTemplates>();
        services.AddScoped<Reports.SynthesisReports>();
        services.AddScoped<Reports.ReportExports>();
        // The sheets feature provides the real source (AddSheetsFeature runs first, so TryAdd keeps it); until then the
        // report's sheets section is empty. Comments and events add their figures as IParticipationSource registrations.
        services.TryAddScoped<Reports.ISheetReportSource, Reports.NoSheetReportSource>();
        return services;
    }
}
