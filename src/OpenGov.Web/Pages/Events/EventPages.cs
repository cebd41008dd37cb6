using OpenGov.Web.Security;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Localization;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Events;
using OpenGov.SharedKernel;

namespace OpenGov.Web.Pages.Events;

public sealed record AxisOption(Guid Id, string Name);

/// <summary>What the event pages look up, in the reader's language: the axes (themes) of the current cycle, for the forms and
/// the programme filter. Thin wrappers over the cycles' read side (no DI registration: extension methods).</summary>
public static class EventLookups
{
    public static async Task<(Guid? CycleId, IReadOnlyList<AxisOption> Axes)> CurrentCycleAxesAsync(this CycleQueries cycles, CancellationToken ct = default)
    {
        if (await cycles.CurrentHeadingAsync(ct) is not { } cycle) return (null, []);
        var culture = CultureInfo.CurrentUICulture.Name;
        return (cycle.Id, cycle.Axes.Select(a => new AxisOption(a.Id, a.Name(culture))).ToList());
    }

    public static async Task<string?> AxisNameAsync(this CycleQueries cycles, Guid? axisId, CancellationToken ct = default)
    {
        if (axisId is null) return null;
        var axis = await cycles.AxisAsync(axisId.Value, ct);
        return axis?.Name(CultureInfo.CurrentUICulture.Name);
    }
}

/// <summary>Display helpers shared by the event pages.</summary>
public static class EventFormat
{
    public static string Region(IStringLocalizer e, string code) => e["Region." + code];

    public static string Type(IStringLocalizer e, EventType type) => e["Type." + type];
}

/// <summary>The event form shared by staff creation and Open Gov Week submissions. Times are typed in the site's zone.</summary>
public sealed class EventInput
{
    [SingleLine] public string Title { get; set; } = "";
    public string? Description { get; set; }
    public EventType Type { get; set; } = EventType.CoCreationWebinar;
    public Guid? AxisId { get; set; }
    public DateTime? StartsLocal { get; set; }
    [Range(15, 10080)]
    public int DurationMinutes { get; set; } = 120;
    public string? OnlineUrl { get; set; }
    [SingleLine] public string? Place { get; set; }
    public string Region { get; set; } = Regions.National;
    public int Capacity { get; set; } = 50;

    /// <summary>Checks the form; errors are keys of EventsText, by field name.</summary>
    public IEnumerable<(string Field, string Key)> Validate(DateTime nowUtc, SiteDates dates)
    {
        if (string.IsNullOrWhiteSpace(Title)) yield return (nameof(Title), "Error.TitleRequired");
        else if (Title.Trim().Length > 200) yield return (nameof(Title), "Error.TitleTooLong");
        if ((Description?.Length ?? 0) > 20000) yield return (nameof(Description), "Error.DescriptionTooLong");
        if (StartsLocal is null) yield return (nameof(StartsLocal), "Error.StartRequired");
        else if (dates.ToUtc(StartsLocal.Value) <= nowUtc) yield return (nameof(StartsLocal), "Error.StartInPast");
        if (DurationMinutes is < 15 or > 10080) yield return (nameof(DurationMinutes), "Error.Duration");
        if (string.IsNullOrWhiteSpace(OnlineUrl) && string.IsNullOrWhiteSpace(Place)) yield return (nameof(Place), "Error.PlaceOrLink");
        if (!string.IsNullOrWhiteSpace(OnlineUrl) && !(Uri.TryCreate(OnlineUrl.Trim(), UriKind.Absolute, out var u)
            && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp))) yield return (nameof(OnlineUrl), "Error.Link");
        if (!Regions.IsValid(Region)) yield return (nameof(Region), "Error.Region");
        if (Capacity is < 1 or > Event.MaxCapacity) yield return (nameof(Capacity), "Error.Capacity");
    }

    public EventDetails ToDetails(Guid? cycleId, SiteDates dates)
    {
        var starts = dates.ToUtc(StartsLocal!.Value);
        return new EventDetails(Title, Description ?? "", Type, AxisId is null ? null : cycleId, AxisId, starts, starts.AddMinutes(DurationMinutes),
            dates.ZoneId, OnlineUrl, Place, Region, Capacity);
    }
}

/// <summary>The model of the shared _EventFields partial.</summary>
public sealed record EventFieldsModel(EventInput Input, IReadOnlyList<AxisOption> Axes, bool ChooseType);
