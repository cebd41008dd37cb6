using OpenGov.Consultation.Forum;
using OpenGov.SharedKernel.Moderation;

namespace OpenGov.UnitTests.Kernel;

public class ReportCounterTests
{
    [Fact]
    public void Hides_on_the_report_that_reaches_the_threshold_only()
    {
        var c = new ReportCounter(0, false);
        c = c.Add(3, out var h1).Add(3, out var h2);
        Assert.Equal((2, false, false, false), (c.Count, c.Hidden, h1, h2));
        c = c.Add(3, out var h3).Add(3, out var h4);
        Assert.Equal((4, true, true, false), (c.Count, c.Hidden, h3, h4));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_threshold_below_one_hides_on_the_first_report(int configured)
    {
        Assert.Equal(1, ReportCounter.Threshold(configured));
        Assert.True(new ReportCounter(0, false).Add(configured, out var hidNow).Hidden);
        Assert.True(hidNow);
    }

    [Fact]
    public void Unhiding_a_forum_reply_resets_its_count_so_it_needs_as_many_new_reports()
    {
        var thread = new ForumThread(Guid.NewGuid(), "access-to-information", "Sujet", "Texte", "u1", "Auteur", DateTime.UtcNow);
        var reply = thread.Reply("Réponse", "u2", "Autre", DateTime.UtcNow);
        reply.Hide(thread);
        reply.Unhide(thread);
        Assert.Equal((0, false, 1), (reply.ReportCount, reply.IsHidden, thread.ReplyCount));
        thread.Hide();
        thread.Unhide();
        Assert.Equal((0, false), (thread.ReportCount, thread.IsHidden));
    }
}
