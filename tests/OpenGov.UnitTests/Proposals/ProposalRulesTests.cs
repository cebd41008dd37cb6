using OpenGov.SharedKernel.Errors;
using OpenGov.Consultation.Cycles;
using OpenGov.Consultation.Proposals;
using OpenGov.SharedKernel.Paging;

namespace OpenGov.UnitTests.Proposals;

public sealed class CyclePhaseTests
{
    private static readonly DateTime T0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static Cycle NewCycle()
    {
        var c = new Cycle(Guid.NewGuid(), "Cycle", "", 2026, 2028, T0);
        c.SetPhase(PhaseKind.ProposalCollection, T0, T0.AddDays(30));
        c.SetPhase(PhaseKind.Prioritisation, T0.AddDays(40), T0.AddDays(60));
        return c;
    }

    [Fact]
    public void The_current_phase_follows_the_dates_with_an_exclusive_end()
    {
        var c = NewCycle();
        Assert.Null(c.CurrentPhase(T0.AddTicks(-1)));
        Assert.Equal(PhaseKind.ProposalCollection, c.CurrentPhase(T0)!.Kind);
        Assert.Equal(PhaseKind.ProposalCollection, c.CurrentPhase(T0.AddDays(30).AddTicks(-1))!.Kind);
        Assert.Null(c.CurrentPhase(T0.AddDays(30)));
        Assert.Equal(PhaseKind.Prioritisation, c.CurrentPhase(T0.AddDays(45))!.Kind);
        Assert.Null(c.CurrentPhase(T0.AddDays(60)));
    }

    [Fact]
    public void Phases_cannot_overlap_or_end_before_they_start()
    {
        var c = NewCycle();
        Assert.Throws<DomainException>(() => c.SetPhase(PhaseKind.Drafting, T0.AddDays(50), T0.AddDays(70)));
        Assert.Throws<DomainException>(() => c.SetPhase(PhaseKind.Drafting, T0.AddDays(70), T0.AddDays(70)));
    }

    [Fact]
    public void Closing_early_needs_an_open_phase_and_a_reason_and_leaves_a_trail()
    {
        var c = NewCycle();
        var now = T0.AddDays(10);
        Assert.Throws<DomainException>(() => c.ClosePhaseEarly(PhaseKind.ProposalCollection, now, " ", "admin"));
        Assert.Throws<DomainException>(() => c.ClosePhaseEarly(PhaseKind.Prioritisation, now, "why", "admin"));
        var change = c.ClosePhaseEarly(PhaseKind.ProposalCollection, now, "Enough ideas", "admin");
        Assert.Equal(T0.AddDays(30), change.PreviousEnd);
        Assert.Equal(now, change.NewEnd);
        Assert.False(c.IsPhaseOpen(PhaseKind.ProposalCollection, now));
        Assert.Single(c.PhaseChanges);
    }

    [Fact]
    public void Extending_must_end_later_and_not_overlap_the_next_phase()
    {
        var c = NewCycle();
        var now = T0.AddDays(10);
        Assert.Throws<DomainException>(() => c.ExtendPhase(PhaseKind.ProposalCollection, T0.AddDays(20), now, "why", "admin"));
        Assert.Throws<DomainException>(() => c.ExtendPhase(PhaseKind.ProposalCollection, T0.AddDays(45), now, "why", "admin"));
        c.ExtendPhase(PhaseKind.ProposalCollection, T0.AddDays(40), now, "More time for the regions", "admin");
        Assert.True(c.IsPhaseOpen(PhaseKind.ProposalCollection, T0.AddDays(35)));
    }
}

public sealed class ProposalWorkflowTests
{
    private static readonly DateTime Now = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static Proposal NewProposal(string author = "author")
        => new(Guid.NewGuid(), Guid.NewGuid(), author, "Author", SubmitterType.Citizen, null, null,
            new ProposalContent("Title", "Problem", "Solution", Guid.NewGuid(), "national", "Impact"), Now);

    [Fact]
    public void Draft_submitted_published_in_order_only()
    {
        var p = NewProposal();
        Assert.Equal(ProposalStatus.Draft, p.Status);
        Assert.Throws<DomainException>(() => p.Publish(Now));
        p.Submit(Now);
        Assert.Throws<DomainException>(() => p.Submit(Now));
        p.Publish(Now);
        Assert.True(p.IsPublic);
        Assert.Throws<DomainException>(() => p.Reject("late", Now));
    }

    [Fact]
    public void Only_the_author_edits_and_only_until_publication()
    {
        var p = NewProposal();
        var content = new ProposalContent("New title", "P", "S", p.AxisId, "oriental", "I");
        Assert.Equal(DomainErrorKind.Forbidden, Assert.Throws<DomainException>(() => p.Edit(content, "someone-else", Now)).Kind);
        p.Edit(content, "author", Now);
        Assert.Equal("New title", p.Title);
        p.Submit(Now);
        p.Edit(content with { Title = "Again" }, "author", Now);
        p.Publish(Now);
        Assert.Throws<DomainException>(() => p.Edit(content, "author", Now));
    }

    [Fact]
    public void Rejection_and_withdrawal_need_a_reason()
    {
        var p = NewProposal();
        p.Submit(Now);
        Assert.Throws<DomainException>(() => p.Reject("  ", Now));
        Assert.Throws<DomainException>(() => p.Withdraw("author", "", Now));
        Assert.Equal(DomainErrorKind.Forbidden, Assert.Throws<DomainException>(() => p.Withdraw("other", "reason", Now)).Kind);
        p.Withdraw("author", "Duplicate of mine", Now);
        Assert.Equal(ProposalStatus.Withdrawn, p.Status);
        Assert.Throws<DomainException>(() => p.Withdraw("author", "again", Now));
    }

    [Fact]
    public void An_unknown_region_is_refused()
        => Assert.Throws<DomainException>(() => new Proposal(Guid.NewGuid(), Guid.NewGuid(), "a", "A", SubmitterType.Citizen, null, null,
            new ProposalContent("T", "P", "S", Guid.NewGuid(), "atlantis", "I"), Now));

    [Fact]
    public void Merging_keeps_a_pointer_and_refuses_itself_and_drafts()
    {
        var draft = NewProposal();
        Assert.Throws<DomainException>(() => draft.MergeInto(Guid.NewGuid(), Now));
        var p = NewProposal();
        p.Submit(Now);
        Assert.Throws<DomainException>(() => p.MergeInto(p.Id, Now));
        var target = Guid.NewGuid();
        p.MergeInto(target, Now);
        Assert.Equal(ProposalStatus.Merged, p.Status);
        Assert.Equal(target, p.MergedIntoId);
    }

    [Fact]
    public void One_support_per_user_and_only_on_a_public_proposal()
    {
        var p = NewProposal();
        Assert.Throws<DomainException>(() => p.Support("u1", alreadySupported: false, Now));
        p.Submit(Now);
        p.Publish(Now);
        var s = p.Support("u1", alreadySupported: false, Now);
        Assert.Equal(p.Id, s.ProposalId);
        Assert.Throws<DomainException>(() => p.Support("u1", alreadySupported: true, Now));
        p.Hide();
        Assert.Throws<DomainException>(() => p.Support("u2", alreadySupported: false, Now));
    }

    [Fact]
    public void Reports_hide_at_the_threshold_and_unhiding_resets_them()
    {
        var p = NewProposal();
        Assert.False(p.RegisterReport(3));
        Assert.False(p.RegisterReport(3));
        Assert.True(p.RegisterReport(3));
        Assert.True(p.IsHidden);
        Assert.False(p.RegisterReport(3));
        p.Unhide();
        Assert.False(p.IsHidden);
        Assert.Equal(0, p.ReportCount);
    }

    [Fact]
    public void Replies_go_one_level_deep()
    {
        var proposalId = Guid.NewGuid();
        var top = new ProposalComment(proposalId, null, "u1", "U1", "Top", Now);
        var reply = new ProposalComment(proposalId, top, "u2", "U2", "Reply", Now);
        Assert.Equal(top.Id, reply.ParentId);
        Assert.Equal(1, top.ReplyCount);
        Assert.Throws<DomainException>(() => new ProposalComment(proposalId, reply, "u3", "U3", "Deeper", Now));
        Assert.Throws<DomainException>(() => new ProposalComment(Guid.NewGuid(), top, "u3", "U3", "Elsewhere", Now));
        Assert.Throws<DomainException>(() => new ProposalComment(proposalId, null, "u3", "U3", "  ", Now));
    }

    [Fact]
    public void The_cursor_round_trips_and_rejects_garbage()
    {
        var id = Guid.NewGuid();
        var cursor = KeysetCursor.Encode(638_000_000_000_000_000, id);
        Assert.True(KeysetCursor.TryDecodeNumber(cursor, out var key, out var back));
        Assert.Equal(638_000_000_000_000_000, key);
        Assert.Equal(id, back);
        Assert.False(KeysetCursor.TryDecodeNumber("not a cursor!", out _, out _));
        Assert.False(KeysetCursor.TryDecodeNumber("", out _, out _));
    }
}
