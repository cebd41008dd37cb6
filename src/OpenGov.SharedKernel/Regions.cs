namespace OpenGov.SharedKernel;

/// <summary>Morocco's 12 regions (2015 division), plus "national" for ideas that concern the whole country.</summary>
public static class Regions
{
    public const string National = "national";

    public static readonly IReadOnlyList<string> All =
    [
        National,
        "tanger-tetouan-al-hoceima",
        "oriental",
        "fes-meknes",
        "rabat-sale-kenitra",
        "beni-mellal-khenifra",
        "casablanca-settat",
        "marrakech-safi",
        "draa-tafilalet",
        "souss-massa",
        "guelmim-oued-noun",
        "laayoune-sakia-el-hamra",
        "dakhla-oued-eddahab",
    ];

    public static bool IsValid(string? code) => code is not null && All.Contains(code);
}
