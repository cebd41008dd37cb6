using OpenGov.Consultation.Seed;
using Microsoft.Extensions.DependencyInjection;
using OpenGov.Consultation.Evaluation;
using OpenGov.Consultation.Sheets;
using OpenGov.SharedKernel.Demo;
using OpenGov.SharedKernel.Jobs;

namespace OpenGov.Consultation;

internal static class SheetsFeature
{
    public static IServiceCollection AddSheetsFeature(this IServiceCollection services)
    {
        services.AddOptions<SheetsOptions>();
        services.AddScoped<SheetAccess>();
        services.AddScoped<SheetAdoption>();
        services.AddScoped<SheetEditing>();
        services.AddScoped<SheetCommenting>();
        services.AddScoped<SheetAdministration>();
        services.AddScoped<SheetQueries>();
        services.AddScoped<SheetTranslations>();
        services.AddScoped<OpenGov.SharedKernel.Text.ITranslatableTexts>(sp => sp.GetRequiredService<SheetTranslations>());
        services.AddScoped<CommitteeEvaluation>();
        // Wins over the feedback feature's TryAdd default (an empty sheets section).
        services.AddScoped<OpenGov.Consultation.Reports.ISheetReportSource, SheetReportSource>();
        services.AddScoped<OpenGov.Consultation.Reports.IParticipationSource, SheetCommentsParticipation>();
        services.AddScoped<IRecurringJob, ConsultationNotificationsJob>();
        services.AddScoped<IDemoSeeder, SheetsDemoSeeder>();
        return services;
    }
}
