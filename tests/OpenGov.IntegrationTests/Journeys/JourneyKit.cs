using AngleSharp.Html.Dom;
using OpenGov.IntegrationTests.Infrastructure;

namespace OpenGov.IntegrationTests.Journeys;

/// <summary>Small steps shared by the journey tests.</summary>
public static class JourneyKit
{
    public static Dictionary<string, string> Fields(params (string, string)[] f) => f.ToDictionary(x => x.Item1, x => x.Item2);

    /// <summary>Follows a redirect as a browser does and reads where it lands.</summary>
    public static async Task<IHtmlDocument> FollowAsync(this HttpClient client, HttpResponseMessage redirect)
    {
        Assert.Equal(System.Net.HttpStatusCode.Redirect, redirect.StatusCode);
        return await client.GetDocumentAsync(redirect.Headers.Location!.ToString());
    }
}
