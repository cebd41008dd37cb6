using OpenGov.SharedKernel.Outbox;
using OpenGov.SharedKernel.Errors;
using OpenGov.Consultation.Associations;
using OpenGov.Consultation.Committees;
using OpenGov.Consultation.Forum;
using OpenGov.Consultation.Meetings;

namespace OpenGov.UnitTests.Community;

public sealed class MembershipApprovalTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc);

    private static Association NewAssociation() => new(Guid.NewGuid(), "Transparency Maroc", "TM", "national", "integrity", null, null, "", "rep", Now);

    [Fact]
    public void The_registrant_is_the_approved_representative()
    {
        var a = NewAssociation();
        Assert.True(a.IsRepresentative("rep"));
        Assert.Equal(AssociationStatus.PendingVerification, a.Status);
    }

    [Fact]
    public void A_representative_approves_a_request_and_the_requester_becomes_a_member()
    {
        var a = NewAssociation();
        var request = a.RequestMembership("alice", Now);
        Assert.False(a.IsApprovedMember("alice"));
        a.DecideMembership(request.Id, approve: true, "rep", Now);
        Assert.True(a.IsApprovedMember("alice"));
        Assert.False(a.IsRepresentative("alice"));
    }

    [Fact]
    public void Only_a_representative_decides_even_an_approved_member_cannot()
    {
        var a = NewAssociation();
        var alice = a.RequestMembership("alice", Now);
        a.DecideMembership(alice.Id, true, "rep", Now);
        var bob = a.RequestMembership("bob", Now);
        Assert.Equal(DomainErrorKind.Forbidden, Assert.Throws<DomainException>(() => a.DecideMembership(bob.Id, true, "alice", Now)).Kind);
        Assert.Equal(DomainErrorKind.Forbidden, Assert.Throws<DomainException>(() => a.DecideMembership(bob.Id, true, "bob", Now)).Kind);
        Assert.Equal(MembershipStatus.Requested, bob.Status);
    }

    [Fact]
    public void A_request_is_decided_once_and_a_rejected_user_may_ask_again()
    {
        var a = NewAssociation();
        var r = a.RequestMembership("alice", Now);
        a.DecideMembership(r.Id, false, "rep", Now);
        Assert.Throws<DomainException>(() => a.DecideMembership(r.Id, true, "rep", Now));
        a.RequestMembership("alice", Now);
        Assert.Equal(MembershipStatus.Requested, r.Status);
        Assert.Throws<DomainException>(() => a.RequestMembership("alice", Now));
    }

    [Fact]
    public void Rejecting_an_association_requires_a_reason()
    {
        var a = NewAssociation();
        Assert.Throws<DomainException>(() => a.Reject("mod", "  ", Now));
        a.Reject("mod", "Statuts manquants", Now);
        Assert.Equal(AssociationStatus.Rejected, a.Status);
        a.Verify("mod", Now);
        Assert.True(a.IsVerified);
        Assert.Null(a.RejectionReason);
    }
}

public sealed class MandateExpiryTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    [Fact]
    public void An_expired_mandate_leaves_its_seat_vacant()
    {
        var c = new Committee(Guid.NewGuid(), CommitteeKind.Steering, "Comité de pilotage", "");
        var seat = c.AddSeat(SeatKind.CivilSociety, "Société civile 1");
        var m = c.AssignMandate(seat.Id, "Said Chakri", "AMCDD", new(2020, 1, 1), new(2022, 7, 1));
        Assert.True(m.IsExpiredOn(Today));
        Assert.Null(c.CurrentMandate(seat.Id, Today));
        Assert.Single(c.Vacancies(Today));
        Assert.False(m.IsExpiredOn(new(2022, 6, 30)));
        Assert.True(m.IsExpiredOn(new(2022, 7, 1)));
    }

    [Fact]
    public void A_new_mandate_fills_the_seat_but_cannot_overlap_another()
    {
        var c = new Committee(Guid.NewGuid(), CommitteeKind.Steering, "Comité de pilotage", "");
        var seat = c.AddSeat(SeatKind.CivilSociety, "Société civile 1");
        c.AssignMandate(seat.Id, "A", "ADFM", new(2024, 1, 1), new(2027, 1, 1));
        Assert.Empty(c.Vacancies(Today));
        Assert.Throws<DomainException>(() => c.AssignMandate(seat.Id, "B", "TM", new(2026, 1, 1), new(2028, 1, 1)));
        Assert.Throws<DomainException>(() => c.AssignMandate(seat.Id, "B", "TM", new(2028, 1, 1), new(2028, 1, 1)));
    }

    [Fact]
    public void Parity_counts_filled_seats_per_group()
    {
        var today = new DateOnly(2026, 6, 1);
        var c = new Committee(Guid.NewGuid(), CommitteeKind.Steering, "Comité de pilotage", "");
        var government = c.AddSeat(SeatKind.Government, "MTNRA");
        c.AssignMandate(government.Id, "A", "MTNRA", new(2026, 1, 1), new(2027, 1, 1));
        Assert.False(c.HasParityOn(today));
        var civil = c.AddSeat(SeatKind.CivilSociety, "Société civile 1");
        Assert.False(c.HasParityOn(today)); // an empty seat represents nobody
        c.AssignMandate(civil.Id, "B", "TM", new(2026, 1, 1), new(2027, 1, 1));
        Assert.True(c.HasParityOn(today));
    }

    [Fact]
    public void Ending_a_mandate_early_makes_it_expire_that_day()
    {
        var c = new Committee(Guid.NewGuid(), CommitteeKind.Steering, "Comité de pilotage", "");
        var seat = c.AddSeat(SeatKind.CivilSociety, "Société civile 1");
        var m = c.AssignMandate(seat.Id, "A", "ADFM", new(2024, 1, 1), new(2027, 1, 1));
        c.EndMandate(m.Id, Today);
        Assert.True(m.IsExpiredOn(Today));
        Assert.Single(c.Vacancies(Today));
    }
}

public sealed class DecisionOverdueTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc);

    private static Decision NewDecision(DateOnly? due, string? ownerUserId = null, string? ownerEmail = null)
        => new Meeting(Guid.NewGuid(), CommitteeKind.Steering, "Comité", new(2024, 2, 22), null, true, Now)
            .AddDecision("Mettre à jour les fiches", "Administrations", null, ownerUserId, ownerEmail, due);

    [Fact]
    public void An_open_decision_past_its_due_date_is_overdue_the_day_after()
    {
        var d = NewDecision(new(2024, 3, 4));
        Assert.False(d.IsOverdue(new(2024, 3, 4)));
        Assert.True(d.IsOverdue(new(2024, 3, 5)));
    }

    [Fact]
    public void Done_dropped_and_undated_decisions_are_never_overdue()
    {
        var undated = NewDecision(null);
        Assert.False(undated.IsOverdue(new(2030, 1, 1)));
        var done = NewDecision(new(2024, 3, 4));
        done.RecordProgress(DecisionStatus.Done, null, "admin", isAdministrator: true, Now);
        Assert.False(done.IsOverdue(new(2030, 1, 1)));
    }

    [Fact]
    public void Only_the_owner_with_an_account_or_an_administrator_records_progress()
    {
        var d = NewDecision(new(2024, 3, 4), ownerUserId: "owner");
        Assert.Equal(DomainErrorKind.Forbidden, Assert.Throws<DomainException>(() => d.RecordProgress(DecisionStatus.Done, null, "someone", false, Now)).Kind);
        Assert.Throws<DomainException>(() => d.RecordProgress(DecisionStatus.Dropped, " ", "owner", false, Now));
        d.RecordProgress(DecisionStatus.Done, "Fiches envoyées", "owner", false, Now);
        Assert.Equal(DecisionStatus.Done, d.Status);
    }

    [Fact]
    public void A_decision_needs_an_owner()
    {
        var m = new Meeting(Guid.NewGuid(), CommitteeKind.Steering, "Comité", new(2024, 2, 22), null, true, Now);
        Assert.Throws<DomainException>(() => m.AddDecision("Texte", " ", null, null, null, null));
    }

    [Fact]
    public void The_owner_is_mailed_as_their_account_else_at_the_typed_address_else_not_at_all()
    {
        var account = NewDecision(null, ownerUserId: "owner", ownerEmail: "Point.Focal@example.ma");
        Assert.Equal(new MailRecipient("owner", null), account.OwnerRecipient());
        var address = NewDecision(null, ownerEmail: " point.focal@example.ma ");
        Assert.Equal("point.focal@example.ma", address.OwnerEmail);
        Assert.Equal(new MailRecipient(null, "point.focal@example.ma"), address.OwnerRecipient());
        Assert.Null(NewDecision(null).OwnerRecipient());
    }

    [Fact]
    public void A_bare_address_is_mailed_in_its_chosen_language_and_an_unoffered_one_is_refused()
    {
        var m = new Meeting(Guid.NewGuid(), CommitteeKind.Steering, "Comité", new(2024, 2, 22), null, true, Now);
        var arabic = m.AddDecision("Texte", "Ministère", null, null, "pf@example.ma", null, "ar");
        Assert.Equal(new MailRecipient(null, "pf@example.ma", "ar"), arabic.OwnerRecipient());
        Assert.Equal("ar", arabic.OwnerRecipient()!.Mail("c", "T:K", new Dictionary<string, string>()).Culture);
        Assert.Equal("fr", m.AddDecision("Texte", "Ministère", null, null, "pf@example.ma", null, " ").OwnerEmailCulture);
        Assert.Equal("MailLanguageNotOffered", Assert.Throws<DomainException>(() => m.AddDecision("Texte", "Ministère", null, null, "pf@example.ma", null, "de")).Key);
        // An account that holds the address wins over the language chosen for it.
        Assert.Null(m.AddDecision("Texte", "Ministère", null, "owner", "pf@example.ma", null, "en").OwnerRecipient()!.Mail("c", "T:K", new Dictionary<string, string>()).ToAddress);
    }

    [Fact]
    public void The_account_confirming_the_owner_address_becomes_the_owner_once()
    {
        var d = NewDecision(null, ownerEmail: "Point.Focal@example.ma");
        Assert.False(d.LinkOwnerAccount("other", "autre@example.ma"));
        Assert.True(d.LinkOwnerAccount("owner", "point.focal@EXAMPLE.ma"));
        Assert.Equal(new MailRecipient("owner", null), d.OwnerRecipient());
        Assert.False(d.LinkOwnerAccount("late", "point.focal@example.ma")); // an owner account is never replaced
        Assert.Equal("owner", d.OwnerUserId);
        Assert.False(NewDecision(null).LinkOwnerAccount("owner", "point.focal@example.ma"));
    }

    [Theory]
    [InlineData("pas-une-adresse")]
    [InlineData("Nom <a@example.ma>")]
    [InlineData("a@example.ma\nBcc: b@example.ma")]
    public void An_owner_email_must_be_one_bare_address(string email)
    {
        var e = Assert.Throws<DomainException>(() => NewDecision(null, ownerEmail: email));
        Assert.Equal("ValidEMailAddressRequired", e.Key);
    }

    [Fact]
    public void A_meeting_in_person_needs_a_place_and_empty_minutes_cannot_be_published()
    {
        Assert.Throws<DomainException>(() => new Meeting(Guid.NewGuid(), CommitteeKind.Steering, "Comité", new(2024, 2, 22), " ", false, Now));
        var m = new Meeting(Guid.NewGuid(), CommitteeKind.Steering, "Comité", new(2024, 2, 22), null, true, Now);
        Assert.Throws<DomainException>(() => m.Publish(Now));
        m.WriteMinutes("Relevé");
        m.Publish(Now);
        Assert.True(m.IsPublished);
    }
}

public sealed class ForumThreadTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Replies_are_numbered_counted_and_refused_once_locked()
    {
        var t = new ForumThread(Guid.NewGuid(), "integrity", "Rotation", "Corps", "u1", "Karim", Now);
        var r1 = t.Reply("Un", "u2", "Nadia", Now.AddMinutes(1));
        var r2 = t.Reply("Deux", "u1", "Karim", Now.AddMinutes(2));
        Assert.Equal((1, 2, 2), (r1.Number, r2.Number, t.ReplyCount));
        Assert.Equal(Now.AddMinutes(2), t.LastActivityAt);
        r1.Hide(t);
        Assert.Equal(1, t.ReplyCount);
        t.Lock();
        Assert.Throws<DomainException>(() => t.Reply("Trois", "u2", "Nadia", Now));
    }
}
