using System.Globalization;

namespace OpenGov.SharedKernel.Numbers;

/// <summary>
/// A rate on the 0–100 scale, the only scale rates travel on (plan progress, coverage, API figures).
/// The value is kept unrounded; rounding happens only for display, half away from zero, to a whole percent.
/// </summary>
public readonly record struct Percentage(double Value)
{
    public static Percentage Zero => default;

    /// <summary>From a 0–1 fraction (answered / total): the one place a fraction becomes a percentage.</summary>
    public static Percentage FromFraction(double fraction) => new(fraction * 100);

    /// <summary>part / whole, 0 when the whole is empty.</summary>
    public static Percentage Of(double part, double whole) => whole > 0 ? FromFraction(part / whole) : Zero;

    /// <summary>The displayed whole percent: half away from zero (84.5 → 85), so 83.96 shows as 84.</summary>
    public int Rounded => (int)Math.Round(Value, MidpointRounding.AwayFromZero);

    /// <summary>"84 %" (a space before the sign, as French and the published reports write it).</summary>
    public string Display => Rounded.ToString(CultureInfo.InvariantCulture) + " %";

    public override string ToString() => Display;
}
