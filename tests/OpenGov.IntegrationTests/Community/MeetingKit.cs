using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenGov.IntegrationTests.Infrastructure;
using OpenGov.IntegrationTests.Notifications;
using OpenGov.Web.Infrastructure.Mail;

namespace OpenGov.IntegrationTests.Community;

/// <summary>Steps shared by the meeting and decision mail tests: through the secretaries' pages, mails over a real SMTP peer.</summary>
internal static class MeetingKit
{
    public static async Task<Guid> NewMeetingAsync(HttpClient admin, string title, string committee = "Implementation")
    {
        var created = await admin.SubmitFormAsync("/meetings/edit", new Dictionary<string, string> { ["Input.Committee"] = committee, ["Input.Title"] = title,
            ["Input.HeldOn"] = "2026-11-02", ["Input.Place"] = "Rabat", ["Input.Minutes"] = "Relevé" }, "main form");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return Guid.Parse(created.Headers.Location!.ToString().Split('/').Last());
    }

    public static async Task PublishAsync(HttpClient admin, Guid meeting, bool publish = true)
        => Assert.Equal(HttpStatusCode.Redirect, (await admin.PostWithTokenAsync($"/meetings/{meeting}", $"/meetings/{meeting}?handler=Publish",
            new Dictionary<string, string> { ["publish"] = publish ? "true" : "false" })).StatusCode);

    /// <summary>The app's own MailKit sender, pointed at <paramref name="sink"/>.</summary>
    public static MailKitSender SmtpTo(OpenGovFactory app, SmtpSink sink)
        => new(Options.Create(new MailOptions { Mode = "Smtp", SmtpHost = "127.0.0.1", SmtpPort = sink.Port, From = "OpenGov <no-reply@opengov.local>" }),
            app.Services.GetRequiredService<IHostEnvironment>());
}
