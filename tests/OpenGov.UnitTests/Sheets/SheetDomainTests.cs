using OpenGov.SharedKernel.Errors;
using OpenGov.Consultation.Evaluation;
using OpenGov.Consultation.Sheets;

namespace OpenGov.UnitTests.Sheets;

public sealed class SheetDomainTests
{
    private static readonly DateTime T0 = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private static Sheet Published(DateTime opens, DateTime closes, params string[] activities)
    {
        var content = SheetContent.Empty("Données ouvertes") with
        {
            Problem = "Peu de données publiées.",
            Activities = activities.Select(a => new SheetActivity(Guid.NewGuid(), a, null, null)).ToList(),
        };
        var sheet = new Sheet(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), content, "editor", T0.AddDays(-10));
        sheet.ScheduleConsultation(opens, closes, T0.AddDays(-10));
        sheet.Publish("editor", "Éditrice", null, T0.AddDays(-9));
        return sheet;
    }

    [Fact]
    public void The_window_state_follows_the_clock()
    {
        var sheet = Published(T0, T0.AddDays(14));
        Assert.Equal(ConsultationState.Upcoming, sheet.StateAt(T0.AddSeconds(-1)));
        Assert.Equal(ConsultationState.Open, sheet.StateAt(T0));
        Assert.Equal(ConsultationState.Open, sheet.StateAt(T0.AddDays(14).AddTicks(-1)));
        Assert.Equal(ConsultationState.Closed, sheet.StateAt(T0.AddDays(14)));
        Assert.Throws<DomainException>(() => sheet.EnsureOpenForComments(T0.AddDays(15)));
        sheet.EnsureOpenForComments(T0.AddDays(1));
    }

    [Fact]
    public void An_unpublished_draft_has_no_open_window()
    {
        var sheet = new Sheet(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), SheetContent.Empty("Brouillon"), "editor", T0);
        sheet.ScheduleConsultation(T0, T0.AddDays(3), T0.AddDays(-1));
        Assert.Equal(ConsultationState.NotScheduled, sheet.StateAt(T0.AddDays(1)));
    }

    [Fact]
    public void An_extension_needs_a_reason_and_a_later_end_and_reopens_a_closed_window()
    {
        var sheet = Published(T0, T0.AddDays(14));
        var after = T0.AddDays(20);
        Assert.Equal(ConsultationState.Closed, sheet.StateAt(after));
        Assert.Throws<DomainException>(() => sheet.ExtendConsultation(T0.AddDays(30), " ", "admin", after));
        Assert.Throws<DomainException>(() => sheet.ExtendConsultation(T0.AddDays(10), "raison", "admin", after));
        var extension = sheet.ExtendConsultation(T0.AddDays(30), "Demande de la société civile", "admin", after);
        Assert.Equal(T0.AddDays(14), extension.PreviousClose);
        Assert.Equal(ConsultationState.Open, sheet.StateAt(after));
        Assert.Single(sheet.Extensions);
        // Once open, the dates move only through a reasoned extension.
        Assert.Throws<DomainException>(() => sheet.ScheduleConsultation(T0, T0.AddDays(60), after));
    }

    [Fact]
    public void A_published_version_is_an_immutable_snapshot()
    {
        var sheet = new Sheet(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), SheetContent.Empty("Titre v1") with { Problem = "Texte v1" }, "editor", T0);
        sheet.ScheduleConsultation(T0.AddDays(1), T0.AddDays(20), T0);
        var v1 = sheet.Publish("editor", "Éditrice", null, T0);
        sheet.EditDraft(sheet.Content with { Problem = "Texte v2" }, T0.AddDays(2));
        Assert.Equal("Texte v1", v1.Content.Problem);
        Assert.Throws<DomainException>(() => sheet.Publish("editor", "Éditrice", " ", T0.AddDays(3)));
        var v2 = sheet.Publish("editor", "Éditrice", "Problème reformulé", T0.AddDays(3));
        Assert.Equal((1, 2), (v1.Number, v2.Number));
        Assert.Equal("Texte v1", v1.Content.Problem);
        Assert.Equal("Texte v2", v2.Content.Problem);
        Assert.Throws<DomainException>(() => sheet.Publish("editor", "Éditrice", "rien", T0.AddDays(4)));
        // No public setter, no mutating method: the type offers no way to change a version.
        Assert.All(typeof(SheetVersion).GetProperties(), p => Assert.False(p.SetMethod?.IsPublic ?? false, p.Name));
        Assert.DoesNotContain(typeof(SheetVersion).GetMethods(), m => m.DeclaringType == typeof(SheetVersion) && !m.IsSpecialName && m.IsPublic);
    }

    [Fact]
    public void A_comment_is_handled_once_by_a_later_version_and_not_integrated_needs_a_reason()
    {
        var comment = new SheetComment(Guid.NewGuid(), Guid.NewGuid(), SheetSections.Problem, 1, "u", "U", null, null, "Reformuler", T0);
        Assert.Throws<DomainException>(() => comment.RecordHandling(CommentHandling.Integrated, null, 1));
        Assert.Throws<DomainException>(() => comment.RecordHandling(CommentHandling.NotIntegrated, "", 2));
        comment.RecordHandling(CommentHandling.NotIntegrated, "Hors du périmètre", 2);
        Assert.Throws<DomainException>(() => comment.RecordHandling(CommentHandling.Integrated, null, 3));
        Assert.Equal(2, comment.HandledInVersion);
    }

    [Fact]
    public void Sections_are_fields_or_activities_of_the_content()
    {
        var content = SheetContent.Empty("T") with { Activities = [new SheetActivity(Guid.NewGuid(), "A", null, null)] };
        Assert.True(SheetSections.IsValid("problem", content));
        Assert.True(SheetSections.IsValid(SheetSections.Activity(content.Activities[0].Id), content));
        Assert.False(SheetSections.IsValid(SheetSections.Activity(Guid.NewGuid()), content));
        Assert.False(SheetSections.IsValid("<script>", content));
    }

    [Fact]
    public void Content_rules_are_checked()
    {
        Assert.Throws<DomainException>(() => new Sheet(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), SheetContent.Empty(" "), "e", T0));
        var reversed = SheetContent.Empty("T") with { Activities = [new SheetActivity(Guid.NewGuid(), "A", new DateOnly(2025, 2, 1), new DateOnly(2025, 1, 1))] };
        Assert.Throws<DomainException>(() => reversed.Normalized());
    }

    [Fact]
    public void The_weighted_score_averages_members_per_criterion_then_weights_criteria()
    {
        var cycle = Guid.NewGuid();
        var impact = new EvaluationCriterion(Guid.NewGuid(), cycle, "Impact", 3, 1);
        var feasibility = new EvaluationCriterion(Guid.NewGuid(), cycle, "Faisabilité", 1, 2);
        var score = WeightedScoring.Compute(Guid.NewGuid(), [impact, feasibility],
        [
            [new CriterionScore(impact.Id, 4, null), new CriterionScore(feasibility.Id, 0, null)],
            [new CriterionScore(impact.Id, 2, null), new CriterionScore(feasibility.Id, 4, null)],
        ]);
        Assert.Equal(2.75, score.WeightedScore);
        Assert.Equal(3.0, score.MeanByCriterion[impact.Id]);
        Assert.Null(WeightedScoring.Compute(Guid.NewGuid(), [impact], []).WeightedScore);
        var ranked = WeightedScoring.Rank([WeightedScoring.Compute(Guid.NewGuid(), [impact], []), score,
            WeightedScoring.Compute(Guid.NewGuid(), [impact], [[new CriterionScore(impact.Id, 4, null)]])]);
        Assert.Equal([4.0, 2.75], ranked.Take(2).Select(r => r.WeightedScore!.Value));
        Assert.Null(ranked[2].WeightedScore);
    }

    [Fact]
    public void A_scorecard_accepts_0_to_4_on_known_criteria_only()
    {
        var criterion = Guid.NewGuid();
        var card = new Scorecard(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "member", T0);
        Assert.Throws<DomainException>(() => card.Score([new CriterionScore(criterion, 5, null)], [criterion], T0));
        Assert.Throws<DomainException>(() => card.Score([new CriterionScore(Guid.NewGuid(), 2, null)], [criterion], T0));
        card.Score([new CriterionScore(criterion, 3, " bien ")], [criterion], T0);
        Assert.Equal("bien", Assert.Single(card.Scores).Remark);
    }

    [Fact]
    public void The_diff_marks_added_and_removed_words_and_activities()
    {
        var segments = SheetDiff.Words("Publier les données du budget", "Publier les données ouvertes du budget local");
        Assert.Equal("ouvertes ", Assert.Single(segments, s => s.Kind == DiffKind.Added && s.Text.StartsWith("ouvertes", StringComparison.Ordinal)).Text);
        Assert.Contains(segments, s => s.Kind == DiffKind.Added && s.Text.Contains("local", StringComparison.Ordinal));
        Assert.DoesNotContain(segments, s => s.Kind == DiffKind.Removed && s.Text.Contains("Publier", StringComparison.Ordinal));
        var kept = new SheetActivity(Guid.NewGuid(), "Garder", null, null);
        var removed = new SheetActivity(Guid.NewGuid(), "Retirer", null, null);
        var added = new SheetActivity(Guid.NewGuid(), "Ajouter", null, null);
        var diff = SheetDiff.Compare(SheetContent.Empty("T") with { Activities = [kept, removed] }, SheetContent.Empty("T") with { Activities = [kept, added] }, b => b ? "oui" : "non");
        Assert.Equal(DiffKind.Added, diff.Single(f => f.Key == SheetSections.Activity(added.Id)).Change);
        Assert.Equal(DiffKind.Removed, diff.Single(f => f.Key == SheetSections.Activity(removed.Id)).Change);
        Assert.False(diff.Single(f => f.Key == SheetSections.Activity(kept.Id)).Changed);
        Assert.False(diff.Single(f => f.Key == SheetSections.Title).Changed);
    }
}
