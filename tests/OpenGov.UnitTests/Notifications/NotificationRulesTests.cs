using OpenGov.SharedKernel.Errors;
using Microsoft.AspNetCore.DataProtection;
using OpenGov.Consultation.Feedback;
using OpenGov.SharedKernel.Outbox;
using OpenGov.Web.Infrastructure.Notifications;

namespace OpenGov.UnitTests.Notifications;

public sealed class NotificationRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc);

    private static OutboxMessage Message() => new(Guid.NewGuid(), Now,
        OutgoingMail.FromTemplate("feedback.published", "user-1", "FeedbackText:Mail.ResponsePublished", new Dictionary<string, string>()));

    [Fact]
    public void Failed_attempts_back_off_exponentially_then_dead_letter()
    {
        var m = Message();
        m.MarkFailed(Now, "down", maxAttempts: 4, TimeSpan.FromMinutes(1), TimeSpan.FromHours(4));
        Assert.Equal(Now.AddMinutes(1), m.NextAttemptAt);
        m.MarkFailed(Now, "down", 4, TimeSpan.FromMinutes(1), TimeSpan.FromHours(4));
        Assert.Equal(Now.AddMinutes(2), m.NextAttemptAt);
        m.MarkFailed(Now, "down", 4, TimeSpan.FromMinutes(1), TimeSpan.FromHours(4));
        Assert.Equal(Now.AddMinutes(4), m.NextAttemptAt);
        Assert.Equal(OutboxStatus.Pending, m.Status);
        m.MarkFailed(Now, "down", 4, TimeSpan.FromMinutes(1), TimeSpan.FromHours(4));
        Assert.Equal(OutboxStatus.DeadLettered, m.Status);
        m.Requeue(Now.AddHours(1));
        Assert.Equal((OutboxStatus.Pending, 0, Now.AddHours(1)), (m.Status, m.Attempts, m.NextAttemptAt));
        Assert.Throws<InvalidOperationException>(() => m.Requeue(Now));
    }

    [Fact]
    public void The_default_retry_schedule_spans_at_least_a_day_before_a_dead_letter()
    {
        var o = new NotificationOptions();
        var m = Message();
        var now = Now;
        while (m.Status == OutboxStatus.Pending)
        {
            m.MarkFailed(now, "smtp down", o.MaxAttempts, o.RetryBaseDelay, o.MaxRetryDelay);
            if (m.Status == OutboxStatus.Pending) now = m.NextAttemptAt;
        }
        Assert.True(now - Now >= TimeSpan.FromHours(24), $"dead-lettered after {now - Now}");
        Assert.Equal(TimeSpan.FromHours(4), OutboxMessage.RetryDelay(20, o.RetryBaseDelay, o.MaxRetryDelay));
    }

    [Fact]
    public void The_message_id_is_stable_and_a_digest_only_takes_pending_messages()
    {
        var m = Message();
        var id = m.MessageId;
        m.MarkFailed(Now, "x", 5, TimeSpan.FromMinutes(1), TimeSpan.FromHours(4));
        Assert.Equal(id, m.MessageId);
        m.HoldForDigest();
        Assert.True(m.HeldForDigest);
        m.MarkDigested(Now);
        Assert.Equal(OutboxStatus.Digested, m.Status);
        Assert.Throws<InvalidOperationException>(() => m.MarkDigested(Now));
        Assert.Throws<InvalidOperationException>(() => m.HoldForDigest());
    }

    [Theory]
    [InlineData("proposal.published", NotificationGroups.Proposals)]
    [InlineData("proposal.rejected", NotificationGroups.Proposals)]
    [InlineData("comment.reply", NotificationGroups.Comments)]
    [InlineData("feedback.published", NotificationGroups.Feedback)]
    [InlineData("sheet.consultation.closing", NotificationGroups.Consultations)]
    [InlineData("event.reminder", NotificationGroups.Events)]
    [InlineData("association.verified", NotificationGroups.Associations)]
    [InlineData("membership.requested", NotificationGroups.Associations)]
    [InlineData("plan.reminder", NotificationGroups.Tracking)]
    [InlineData("sheet.revised", NotificationGroups.Consultations)]
    [InlineData("event.registration", NotificationGroups.Events)]
    [InlineData("forum.reply", NotificationGroups.Forum)]
    [InlineData("notifications.unsubscribed", null)]
    [InlineData("something.new", NotificationGroups.Other)]
    [InlineData("account.confirm", null)]
    [InlineData("digest.daily", null)]
    public void Categories_fold_into_groups_and_account_mails_ignore_preferences(string category, string? group)
        => Assert.Equal(group, NotificationGroups.Of(category));

    [Fact]
    public void Unsubscribe_tokens_round_trip_and_refuse_tampering()
    {
        var tokens = new UnsubscribeTokens(new EphemeralDataProtectionProvider());
        var token = tokens.Create("user-42", NotificationGroups.Forum);
        Assert.True(tokens.TryRead(token, out var user, out var group));
        Assert.Equal(("user-42", NotificationGroups.Forum), (user, group));
        Assert.False(tokens.TryRead(token[..^4] + "AAAA", out _, out _));
        Assert.False(tokens.TryRead("not a token", out _, out _));
        Assert.False(tokens.TryRead(null, out _, out _));
    }

    [Fact]
    public void A_reasoned_response_needs_a_justification_and_a_sheet_when_merged()
    {
        Assert.Throws<DomainException>(() => new ProposalResponse(Guid.NewGuid(), Guid.NewGuid(), ResponseState.Retained, null, " ", "mod", Now));
        Assert.Throws<DomainException>(() => new ProposalResponse(Guid.NewGuid(), Guid.NewGuid(), ResponseState.MergedIntoSheet, null, "Fusion", "mod", Now));
        var sheet = Guid.NewGuid();
        var r = new ProposalResponse(Guid.NewGuid(), Guid.NewGuid(), ResponseState.MergedIntoSheet, sheet, "Fusion", "mod", Now);
        Assert.Equal(sheet, r.SheetId);
        Assert.True(r.Publish("mod", Now));
        Assert.False(r.Publish("mod", Now)); // publishing twice notifies once
        r.Revise(ResponseState.NotRetained, sheet, "Finalement non", "mod", Now);
        Assert.Null(r.SheetId);
        Assert.True(r.IsPublished);
        Assert.Throws<DomainException>(() => new AnswerTemplate(Guid.NewGuid(), "T", ResponseState.MergedIntoSheet, "x", "mod", Now));
    }
}
