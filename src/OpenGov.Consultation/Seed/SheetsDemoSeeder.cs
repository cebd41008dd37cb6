using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Evaluation;
using OpenGov.SharedKernel.Demo;
using OpenGov.SharedKernel.Search;
using OpenGov.Consultation.Sheets;

namespace OpenGov.Consultation.Seed;

/// <summary>
/// The 22 commitments proposed for the third action plan, with their lead agencies and the steering committee's
/// observations of 22 February 2024 as comments on the matching sections (embedded Seed/sheets-2024.json).
/// Sheet 1 is revised: version 2 records how each observation was handled. Windows are set relative to the clock,
/// so the demo always has consultations open for comments. Idempotent: skipped when the demo agencies exist.
/// </summary>
internal sealed class SheetsDemoSeeder(DbContext db, TimeProvider clock, ISearchIndex search) : IDemoSeeder
{
    public int Order => 30;

    public async Task SeedAsync(DemoContext context, CancellationToken ct)
    {
        if (await db.Set<Agency>().AnyAsync(a => a.Id == DemoGuid("agency:mtnra"), ct)) return;
        if (!await db.Set<Cycles.Cycle>().AnyAsync(c => c.Id == DemoIds.Cycle2024, ct)) return;
        var seed = Load();
        var now = clock.GetUtcNow().UtcDateTime;
        var agencies = seed.Agencies.ToDictionary(a => a.Key, a => new Agency(DemoGuid("agency:" + a.Key), a.Name, a.Acronym));
        db.AddRange(agencies.Values);
        var editorByAgency = new Dictionary<string, string>();
        foreach (var e in seed.Editors)
        {
            var userId = await context.EnsureUserAsync(e.Email, e.Name ?? e.Email, agencies[e.Agency].Name);
            db.Add(new AgencyEditor(agencies[e.Agency].Id, userId, now));
            editorByAgency.TryAdd(e.Agency, userId);
        }
        var committee = context.UserIdsByRole.GetValueOrDefault("CommitteeMember") ?? context.UserIdsByRole.Values.First();
        var fallbackEditor = context.UserIdsByRole.GetValueOrDefault("AdministrationEditor") ?? committee;
        var order = 0;
        foreach (var c in seed.Criteria)
            db.Add(new EvaluationCriterion(DemoGuid("criterion:" + c.Name), DemoIds.Cycle2024, c.Name, c.Weight, ++order));

        foreach (var s in seed.Sheets)
        {
            var author = editorByAgency.GetValueOrDefault(s.Agency) ?? fallbackEditor;
            var sheetId = DemoGuid("sheet:" + s.Number);
            var activities = s.Activities.Select((a, i) => new SheetActivity(DemoGuid($"sheet:{s.Number}:activity:{a.Deliverable}"), a.Deliverable, a.Start, a.End)).ToList();
            var content = new SheetContent(s.Title, s.ProjectLead, s.GovernmentActors, s.CivilSocietyActors, s.Problem, s.StatusQuo, s.Commitment,
                s.HowItSolves, s.Values.Contains("transparency"), s.Values.Contains("participation"), s.Values.Contains("accountability"),
                s.Values.Contains("inclusion"), s.ValuesText, activities,
                s.Indicators.Select(i => new SheetIndicator(DemoGuid($"sheet:{s.Number}:indicator:{i.Name}"), i.Name, i.Baseline, i.Target)).ToList(), []);
            var sheet = new Sheet(sheetId, DemoIds.Cycle2024, agencies[s.Agency].Id, content, author, now.AddDays(-30));
            // Open for three more weeks; the revised sheet opened earlier and was extended once.
            sheet.ScheduleConsultation(now.AddDays(-20), now.AddDays(s.Revision is null ? 21 : 10), now.AddDays(-30));
            db.Add(sheet);
            db.Add(sheet.Publish(author, "Équipe " + (agencies[s.Agency].Acronym ?? agencies[s.Agency].Name), null, now.AddDays(-20)));
            var comments = new List<SheetComment>();
            foreach (var (o, i) in s.Observations.Select((o, i) => (o, i)))
            {
                var section = o.Section.StartsWith(SheetSections.ActivityPrefix, StringComparison.Ordinal)
                    ? SheetSections.Activity(activities[int.Parse(o.Section[SheetSections.ActivityPrefix.Length..], System.Globalization.CultureInfo.InvariantCulture)].Id)
                    : o.Section;
                var comment = new SheetComment(DemoGuid($"sheet:{s.Number}:comment:{i}"), sheetId, section, 1, committee,
                    "Comité de pilotage (22 février 2024)", null, null, o.Text, now.AddDays(-15).AddMinutes(i));
                comments.Add(comment);
                sheet.CommentAdded();
            }
            db.AddRange(comments);
            if (s.Revision is { } r)
            {
                var revised = content with
                {
                    Problem = r.Problem ?? content.Problem,
                    Commitment = r.Commitment ?? content.Commitment,
                    // Keep the ids of unchanged activities, so comments anchored to them stay attached.
                    Activities = r.Activities.Select(a => activities.FirstOrDefault(x => x.Deliverable == a.Deliverable) is { } same
                        ? same with { Start = a.Start, End = a.End }
                        : new SheetActivity(DemoGuid($"sheet:{s.Number}:activity:{a.Deliverable}"), a.Deliverable, a.Start, a.End)).ToList(),
                };
                sheet.EditDraft(revised, now.AddDays(-6));
                var version = sheet.Publish(author, "Équipe " + (agencies[s.Agency].Acronym ?? agencies[s.Agency].Name), r.ChangeNote, now.AddDays(-5));
                db.Add(version);
                foreach (var (h, i) in r.Handling.Select((h, i) => (h, i)))
                {
                    comments[i].AddReply(h.Reply, author, now.AddDays(-7));
                    comments[i].RecordHandling(Enum.Parse<CommentHandling>(h.Handling), h.Reason, version.Number);
                }
                var extension = sheet.ExtendConsultation(now.AddDays(17), "Prolongation du délai de réception des remarques, décidée par le comité de pilotage.",
                    context.UserIdsByRole.GetValueOrDefault("Administrator") ?? committee, now.AddDays(-2));
                db.Add(extension);
            }
            await SheetEditing.IndexAsync(search, sheetId, sheet.Content, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    private static Guid DemoGuid(string key)
        => new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("opengov-sheets:" + key)).AsSpan(0, 16));

    private static SeedFile Load()
    {
        using var stream = typeof(SheetsDemoSeeder).Assembly.GetManifestResourceStream("OpenGov.Consultation.Seed.sheets-2024.json")
            ?? throw new InvalidOperationException("Embedded sheets-2024.json is missing.");
        return JsonSerializer.Deserialize<SeedFile>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidOperationException("Empty sheets seed.");
    }

    private sealed record SeedFile(List<SeedAgency> Agencies, List<SeedEditor> Editors, List<SeedCriterion> Criteria, List<SeedSheet> Sheets);
    private sealed record SeedAgency(string Key, string Name, string? Acronym);
    private sealed record SeedEditor(string Email, string? Name, string Agency);
    private sealed record SeedCriterion(string Name, double Weight);
    private sealed record SeedActivity(string Deliverable, DateOnly? Start, DateOnly? End);
    private sealed record SeedIndicator(string Name, string Baseline, string Target);
    private sealed record SeedObservation(string Section, string Text);
    private sealed record SeedHandling(string Handling, string? Reason, string Reply);
    private sealed record SeedRevision(string ChangeNote, string? Problem, string? Commitment, List<SeedActivity> Activities, List<SeedHandling> Handling);
    private sealed record SeedSheet(int Number, string Agency, string Title, string Commitment, string Problem, string StatusQuo, string HowItSolves,
        string ProjectLead, string GovernmentActors, string CivilSocietyActors, List<string> Values, string ValuesText,
        List<SeedActivity> Activities, List<SeedIndicator> Indicators, List<SeedObservation> Observations, SeedRevision? Revision);
}
