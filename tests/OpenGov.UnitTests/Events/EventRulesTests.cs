using OpenGov.SharedKernel.Errors;
using OpenGov.Consultation.Events;
using OpenGov.SharedKernel.Paging;
using OpenGov.SharedKernel;

namespace OpenGov.UnitTests.Events;

public sealed class EventRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc);

    private static EventDetails Details(DateTime? starts = null, int capacity = 10, string? url = "https://x.ma", string? place = null)
        => new("Atelier", "", EventType.OpenGovWeek, null, null, starts ?? Now.AddDays(2), (starts ?? Now.AddDays(2)).AddHours(2),
            Event.DefaultTimeZone, url, place, Regions.National, capacity);

    [Fact]
    public void Local_time_in_casablanca_converts_to_utc_and_back()
    {
        var local = new DateTime(2026, 12, 3, 10, 0, 0);
        var utc = EventTime.ToUtc(local, "Africa/Casablanca");
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
        Assert.Equal(local, EventTime.ToLocal(utc, "Africa/Casablanca"));
        Assert.Throws<DomainException>(() => EventTime.Zone("Mars/Olympus"));
    }

    [Fact]
    public void A_submission_is_pending_needs_a_future_date_a_contact_and_a_place_or_link()
    {
        var e = Event.Submit(Guid.NewGuid(), Details(), OrganiserKind.University, "Université", "a@b.ma", "ar", Now);
        Assert.Equal(EventStatus.PendingReview, e.Status);
        Assert.Equal("ar", e.ContactCulture);
        Assert.Throws<DomainException>(() => Event.Submit(Guid.NewGuid(), Details(Now.AddDays(-1)), OrganiserKind.University, "U", "a@b.ma", "fr", Now));
        Assert.Throws<DomainException>(() => Event.Submit(Guid.NewGuid(), Details(), OrganiserKind.University, "U", "nope", "fr", Now));
        Assert.Throws<DomainException>(() => Event.Submit(Guid.NewGuid(), Details(url: null), OrganiserKind.University, "U", "a@b.ma", "fr", Now));
        Assert.Throws<DomainException>(() => Event.Submit(Guid.NewGuid(), Details(url: "javascript:alert(1)"), OrganiserKind.University, "U", "a@b.ma", "fr", Now));
    }

    [Fact]
    public void Moderation_decides_once_and_a_rejection_needs_a_reason()
    {
        var e = Event.Submit(Guid.NewGuid(), Details(), OrganiserKind.Association, "Asso", "a@b.ma", "fr", Now);
        Assert.Throws<DomainException>(() => e.Reject("mod", " ", Now));
        e.Reject("mod", "Hors sujet", Now);
        Assert.Equal(EventStatus.Rejected, e.Status);
        Assert.Throws<DomainException>(() => e.Accept("mod", Now));
    }

    [Fact]
    public void Seats_fill_then_the_waitlist_and_a_promotion_needs_a_free_seat()
    {
        var e = Event.CreatePublished(Guid.NewGuid(), Details(capacity: 2) with { Type = EventType.ThematicWorkshop }, "Ministère", "staff", Now);
        Assert.True(e.TakeSeatOrWait());
        Assert.True(e.TakeSeatOrWait());
        Assert.False(e.TakeSeatOrWait());
        Assert.Equal((2, 1), (e.ConfirmedCount, e.WaitlistCount));
        Assert.Throws<DomainException>(e.PromoteFromWaitlist);
        e.ReleaseSeat();
        e.PromoteFromWaitlist();
        Assert.Equal((2, 0), (e.ConfirmedCount, e.WaitlistCount));
        Assert.Throws<DomainException>(() => e.Edit(Details(capacity: 1) with { Type = EventType.ThematicWorkshop }, Now));
    }

    [Fact]
    public void Materials_are_recorded_after_the_event_only_and_keep_http_links()
    {
        var e = Event.CreatePublished(Guid.NewGuid(), Details() with { Type = EventType.CoCreationWebinar }, "Ministère", "staff", Now);
        Assert.Throws<DomainException>(() => e.RecordMaterials("Compte rendu", null, Now));
        e.RecordMaterials("Compte rendu", "https://a.ma/x.pdf\njavascript:alert(1)\n", Now.AddDays(3));
        Assert.Equal(["https://a.ma/x.pdf"], Event.Links(e.MaterialLinks));
    }

    [Fact]
    public void Cursor_round_trips_and_garbage_is_ignored()
    {
        var id = Guid.NewGuid();
        Assert.True(KeysetCursor.TryDecode(KeysetCursor.Encode(Now, id), out var at, out var back));
        Assert.Equal((Now, id), (at, back));
        Assert.False(KeysetCursor.TryDecode("%%%garbage", out _, out _));
        Assert.False(KeysetCursor.TryDecode("", out _, out _));
    }
}
