using OpenGov.Consultation.Workshops;
using OpenGov.SharedKernel.Errors;

namespace OpenGov.UnitTests.Workshops;

public sealed class WorkshopRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    private static Workshop Workshop(int participants = 2)
        => new(Guid.NewGuid(), Guid.NewGuid(), null, "Atelier de Oujda", "oriental", new DateOnly(2026, 11, 10), participants, "facilitator", Now);

    [Fact]
    public void A_participant_is_named_only_with_consent_and_within_the_head_count()
    {
        var w = Workshop();
        Assert.Equal("ParticipantConsentRequired", Assert.Throws<DomainException>(() => w.NameParticipant("Karim", null, false, Now)).Key);
        w.NameParticipant("Amina", "Association", true, Now);
        w.NameParticipant("Youssef", null, true, Now);
        Assert.Equal("MoreNamedThanParticipants", Assert.Throws<DomainException>(() => w.NameParticipant("Sara", null, true, Now)).Key);
        Assert.Equal(Now, w.Participants[0].ConsentRecordedAt);
        Assert.Throws<DomainException>(() => Workshop(0));
    }

    [Fact]
    public void The_import_check_reports_every_row_and_is_valid_only_when_all_rows_are()
    {
        var axis = Guid.NewGuid();
        var axes = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase) { ["transparence"] = axis };
        var preview = WorkshopImport.Check(
        [
            ["Title", "Axis", "Region"],
            ["Registre des bénéficiaires", "TRANSPARENCE", ""],
            ["", "", ""],
            ["Sans axe", "budget", "souss-massa"],
        ], axes, "oriental");
        Assert.False(preview.IsValid);
        Assert.Equal([2, 4], preview.Rows.Select(r => r.Line));
        Assert.Equal("oriental", preview.Rows[0].Region);
        Assert.Equal(axis, preview.Rows[0].Content!.AxisId);
        Assert.Equal(["Import.UnknownAxis"], preview.Rows[1].Errors);
        Assert.True(WorkshopImport.Check([["title", "axis"], ["Idée", "transparence"]], axes, "oriental").IsValid);
        Assert.Equal(["Import.BadHeader"], WorkshopImport.Check([["titre", "axe"], ["Idée", "transparence"]], axes, "oriental").FileErrors);
        Assert.Equal(["Import.Empty"], WorkshopImport.Check([["title", "axis"]], axes, "oriental").FileErrors);
    }
}
