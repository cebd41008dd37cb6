namespace OpenGov.IntegrationTests.Infrastructure;

/// <summary>One Chromium against the app seeded with the demo data (every page has content to show).</summary>
public sealed class DemoBrowserFixture() : BrowserFixture(new KestrelDemoFactory());
