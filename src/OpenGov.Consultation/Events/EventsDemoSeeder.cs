using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Cycles;
using OpenGov.SharedKernel.Demo;
using OpenGov.SharedKernel.Search;

namespace OpenGov.Consultation.Events;

/// <summary>
/// Demo events modelled on the minutes: thematic co-creation webinars (prepared with the civil-society members of the steering
/// committee), a regional workshop, an Open Gov Week event proposed by an association, and a past webinar with its report.
/// </summary>
internal sealed class EventsDemoSeeder(DbContext db, ISearchIndex search, TimeProvider clock) : IDemoSeeder
{
    public int Order => 50;

    public async Task SeedAsync(DemoContext context, CancellationToken ct)
    {
        if (await db.Set<Event>().AnyAsync(ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var organiser = context.UserIdsByRole.GetValueOrDefault("Administrator") ?? "system";
        var axes = await db.Set<CycleAxis>().Where(a => a.CycleId == DemoIds.Cycle2024).ToDictionaryAsync(a => a.Code, a => a.Id, ct);
        Guid? Axis(string code) => axes.TryGetValue(code, out var id) ? id : null;
        DateTime At(int days, int hour) => EventTime.ToUtc(now.Date.AddDays(days).AddHours(hour), Event.DefaultTimeZone);
        EventDetails D(string title, string md, EventType type, string axis, int days, int hour, int hours, string? url, string? place, string region, int capacity)
            => new(title, md, type, DemoIds.Cycle2024, Axis(axis), At(days, hour), At(days, hour + hours), Event.DefaultTimeZone, url, place, region, capacity);

        db.Add(Event.CreatePublished(Guid.NewGuid(), D("Webinaire de co-création : accès à l'information",
            "Webinaire thématique ouvert à tous : présentation des idées reçues sur l'**accès à l'information** et échanges avec les administrations.",
            EventType.CoCreationWebinar, "access-to-information", 7, 10, 2, "https://visio.opengov.ma/acces-information", null, SharedKernel.Regions.National, 100),
            "Ministère de la Transition Numérique et de la Réforme de l'Administration", organiser, now));
        db.Add(Event.CreatePublished(Guid.NewGuid(), D("Atelier thématique : transparence budgétaire à Fès",
            "Atelier en présentiel sur le budget citoyen et la publication des données budgétaires des collectivités.",
            EventType.ThematicWorkshop, "budget-transparency", 14, 9, 3, null, "Faculté des sciences juridiques, Fès", "fes-meknes", 40),
            "Ministère de l'Économie et des Finances", organiser, now));
        var ogw = Event.Submit(Guid.NewGuid(), D("Café citoyen : la participation locale à Marrakech",
            "Rencontre ouverte organisée par une association locale pendant la semaine du gouvernement ouvert.",
            EventType.OpenGovWeek, "local-open-government", 21, 17, 2, null, "Maison des associations, Marrakech", "marrakech-safi", 60),
            OrganiserKind.Association, "Association Marrakech Citoyenne", "contact@marrakech-citoyenne.demo", "fr", now.AddDays(-3));
        ogw.Accept(organiser, now);
        db.Add(ogw);
        var past = Event.CreatePublished(Guid.NewGuid(), D("Webinaire de co-création : intégrité",
            "Webinaire sur l'intégrité et la lutte contre la corruption.", EventType.CoCreationWebinar, "integrity", 10, 10, 2,
            "https://visio.opengov.ma/integrite", null, SharedKernel.Regions.National, 100), "Instance nationale de la probité", organiser, now.AddDays(-30));
        db.Add(past);
        await db.SaveChangesAsync(ct);
        // Move the past webinar back in time through its own rules, then record its report.
        past.Edit(D(past.Title, past.DescriptionMarkdown, past.Type, "integrity", -10, 10, 2, past.OnlineUrl, null, SharedKernel.Regions.National, 100), now);
        past.RecordMaterials("""
            ## Compte rendu
            32 participants, dont 18 associations. Trois idées ont été consolidées en un projet d'engagement sur la publication
            des déclarations de patrimoine.
            """, "https://opengov.ma/docs/webinaire-integrite-presentation.pdf", now);
        foreach (var ev in db.ChangeTracker.Entries<Event>().Select(e => e.Entity).ToList())
            await EventIndexing.IndexAsync(search, ev, ct);
        await db.SaveChangesAsync(ct);
    }
}
