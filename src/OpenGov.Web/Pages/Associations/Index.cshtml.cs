using OpenGov.Consultation.Associations;
using OpenGov.SharedKernel.Paging;

namespace OpenGov.Web.Pages.Associations;

public sealed class IndexModel(AssociationDirectory directory, CommunityThemes themes) : CommunityPageModel
{
    public KeysetPage<AssociationRow> Results { get; private set; } = new([], null);
    public IReadOnlyList<ThemeOption> Themes { get; private set; } = [];
    public ThemeLabels ThemeLabels { get; private set; } = new(new Dictionary<string, ThemeOption>());
    public IReadOnlyList<MyAssociation> Mine { get; private set; } = [];
    public string? Region { get; private set; }
    public string? Theme { get; private set; }
    public string? Cursor { get; private set; }

    public async Task OnGetAsync(string? region, string? theme, string? cursor, CancellationToken ct)
    {
        Region = OpenGov.SharedKernel.Regions.IsValid(region) ? region : null;
        Themes = await themes.CurrentAsync(ct);
        ThemeLabels = await themes.LabelsAsync(ct);
        Theme = Themes.Any(t => t.Code == theme) ? theme : null;
        Cursor = cursor;
        Results = await directory.ListAsync(Region, Theme, cursor, ct);
        if (UserId is { } me) Mine = await directory.OfUserAsync(me, ct);
    }
}
