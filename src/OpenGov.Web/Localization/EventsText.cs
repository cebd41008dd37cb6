namespace OpenGov.Web;

/// <summary>Strings of the events, registrations and Open Gov Week pages (Resources/EventsText*.resx) and their mail templates.</summary>
public sealed class EventsText;
