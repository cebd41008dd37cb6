namespace OpenGov.Web.Pages.Sheets;

/// <summary>One section's comments and comment form, rendered by _SectionComments.</summary>
public sealed record SectionCommentsView(string Key, string Label, DetailsModel Page);
