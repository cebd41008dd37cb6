using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Committees;
using OpenGov.Consultation.Forum;
using OpenGov.Consultation.Meetings;
using OpenGov.SharedKernel.Demo;
using OpenGov.SharedKernel.Search;
using OpenGov.Consultation.Associations;

namespace OpenGov.Consultation.Seed;

/// <summary>
/// The associations, committees and the four committee meetings named in the seed minutes (January 2020, February 2020,
/// July 2020, February 2024), from the embedded Seed/community-demo.json. Idempotent part by part.
/// </summary>
internal sealed class CommunityDemoSeeder(DbContext db, TimeProvider clock, ISearchIndex search) : IDemoSeeder
{
    public int Order => 20;

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, Converters = { new JsonStringEnumConverter() } };

    public async Task SeedAsync(DemoContext context, CancellationToken ct)
    {
        await using var stream = typeof(CommunityDemoSeeder).Assembly.GetManifestResourceStream("OpenGov.Consultation.Seed.community-demo.json")
            ?? throw new InvalidOperationException("Embedded community demo data is missing.");
        var data = await JsonSerializer.DeserializeAsync<SeedData>(stream, Json, ct) ?? throw new InvalidOperationException("Empty community demo data.");
        var now = clock.GetUtcNow().UtcDateTime;
        var moderator = context.UserIdsByRole.GetValueOrDefault("Moderator") ?? "";
        var associationDemoUser = context.UserIdsByRole.GetValueOrDefault("AssociationMember");

        foreach (var a in data.Associations)
        {
            if (await db.Set<Association>().AnyAsync(x => x.Name == a.Name, ct)) continue;
            // Transparency Maroc is the demo association account's; the others get a representative account of their own.
            var representative = a.Key == "tm" && associationDemoUser is not null ? associationDemoUser
                : await context.EnsureUserAsync($"representant.{a.Key}@demo.opengov.ma", "Représentant·e " + (a.Acronym ?? a.Name), a.Name);
            var association = new Association(Guid.NewGuid(), a.Name, a.Acronym, a.Region, string.Join(',', a.Themes), null, null, a.Description, representative, now);
            association.Verify(moderator, now);
            db.Add(association);
        }

        foreach (var c in data.Committees)
        {
            if (await db.Set<Committee>().AnyAsync(x => x.Kind == c.Kind, ct)) continue;
            var committee = new Committee(Guid.NewGuid(), c.Kind, c.Name, c.Description);
            foreach (var s in c.Seats)
            {
                var seat = committee.AddSeat(s.Kind, s.Label);
                foreach (var m in s.Mandates) committee.AssignMandate(seat.Id, m.Holder, m.Organisation, m.From, m.To);
            }
            db.Add(committee);
        }

        foreach (var m in data.Meetings)
        {
            if (await db.Set<Meeting>().AnyAsync(x => x.Id == m.Id, ct)) continue;
            var meeting = new Meeting(m.Id, m.Committee, m.Title, m.Date, m.Place, m.Remote, now);
            meeting.WriteMinutes(m.Minutes);
            meeting.SetAgenda(m.Agenda);
            meeting.SetAttendance(m.Participants.Select(p => (p.Name, p.Organisation)), m.Absentees.Select(p => (p.Name, p.Organisation)));
            foreach (var d in m.Decisions) meeting.AddDecision(d.Text, d.Organisation, null, null, null, d.Due);
            meeting.Publish(now);
            db.Add(meeting);
            await MeetingIndexing.IndexAsync(search, meeting, ct);
        }
        await db.SaveChangesAsync(ct);

        if (associationDemoUser is not null && !await db.Set<ForumThread>().AnyAsync(ct))
        {
            var thread = new ForumThread(Guid.NewGuid(), "citizen-participation", "Comment faire vivre le forum de la société civile ?",
                """
                Le comité de pilotage du 12 février 2020 a décidé de constituer le forum à partir de la base de données des associations
                qui participent à la co-création. Quelles règles de **rotation** proposer pour les sièges de la société civile au comité ?

                - durée des mandats ;
                - transfert de compétences entre représentants ;
                - coordination entre associations membres.
                """, associationDemoUser, "Karim Associatif", now);
            db.Add(thread);
            db.Add(new ForumSubscription(thread.Id, associationDemoUser, now));
            await ForumIndexing.IndexAsync(db, search, thread, ct);
            await db.SaveChangesAsync(ct);
        }
    }

    private sealed record SeedData(List<SeedAssociation> Associations, List<SeedCommittee> Committees, List<SeedMeeting> Meetings);
    private sealed record SeedAssociation(string Key, string Name, string? Acronym, string Region, List<string> Themes, string Description);
    private sealed record SeedCommittee(CommitteeKind Kind, string Name, string Description, List<SeedSeat> Seats);
    private sealed record SeedSeat(SeatKind Kind, string Label, List<SeedMandate> Mandates);
    private sealed record SeedMandate(string Holder, string Organisation, DateOnly From, DateOnly To);
    private sealed record SeedMeeting(Guid Id, CommitteeKind Committee, string Title, DateOnly Date, string? Place, bool Remote, List<string> Agenda,
        List<SeedPerson> Participants, List<SeedPerson> Absentees, string Minutes, List<SeedDecision> Decisions);
    private sealed record SeedPerson(string? Name, string? Organisation);
    private sealed record SeedDecision(string Text, string? Organisation, DateOnly? Due);
}
