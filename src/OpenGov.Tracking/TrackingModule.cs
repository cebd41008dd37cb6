using Microsoft.Extensions.DependencyInjection;

namespace OpenGov.Tracking;

public sealed class TrackingOptions
{
    /// <summary>A commitment with no update for this many days is reported as stale to its project leads.</summary>
    public int StaleAfterDays { get; set; } = 30;
}

public static class TrackingModule
{
    /// <summary>Registers the tracking module (the adopted plan and its progress).
    /// The host must register a scoped <c>Microsoft.EntityFrameworkCore.DbContext</c> that applies <see cref="ConfigurationAssembly"/>.</summary>
    public static IServiceCollection AddTracking(this IServiceCollection services, Action<TrackingOptions>? configure = null)
    {
        services.AddOptions<TrackingOptions>().Configure(o => configure?.Invoke(o));
        return services;
    }

    public static System.Reflection.Assembly ConfigurationAssembly => typeof(TrackingModule).Assembly;
}
