using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation;
using OpenGov.Consultation.Cycles;
using OpenGov.IntegrationTests.Infrastructure;

namespace OpenGov.IntegrationTests.Community;

/// <summary>Helpers for the community tests (sign in with OpenGovFactory.SignedInClientAsync).</summary>
public static class CommunityApp
{
    /// <summary>The themes and forum categories come from the latest cycle: give the test database one.</summary>
    public static Task EnsureCycleAsync(this OpenGovFactory app) => app.WithDbAsync(async db =>
    {
        if (await db.Set<Cycle>().AnyAsync(c => c.Id == DemoIds.Cycle2024)) return;
        var cycle = new Cycle(DemoIds.Cycle2024, "PAN3", "", 2024, 2027, app.Clock.UtcNow);
        cycle.AddAxis("access-to-information", "Accès à l'information", "الحق في الحصول على المعلومات", "Access to information");
        cycle.AddAxis("integrity", "Intégrité", "النزاهة", "Integrity");
        cycle.AddAxis("citizen-participation", "Participation citoyenne", "المشاركة المواطنة", "Citizen participation");
        db.Add(cycle);
        try { await db.SaveChangesAsync(); } catch (DbUpdateException) { /* another test class sharing nothing got there first */ }
    });

    /// <summary>Refused on the server: 403, or the cookie scheme's redirect to the access-denied or login page.</summary>
    public static void AssertDenied(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.ToString() ?? "";
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/account/access-denied", StringComparison.Ordinal) || location.Contains("/account/login", StringComparison.Ordinal))),
            $"Expected a refusal, got {(int)response.StatusCode} {location}");
    }
}
