using OpenGov.SharedKernel.Numbers;

namespace OpenGov.UnitTests.Kernel;

public class PercentageTests
{
    [Theory]
    [InlineData(84.0556, 84)]
    [InlineData(84.5, 85)]
    [InlineData(83.5, 84)]
    [InlineData(0.4, 0)]
    [InlineData(99.5, 100)]
    public void Displays_whole_percent_rounded_half_away_from_zero(double value, int shown)
    {
        Assert.Equal(shown, new Percentage(value).Rounded);
        Assert.Equal($"{shown} %", new Percentage(value).Display);
    }

    [Fact]
    public void Keeps_the_unrounded_value_on_the_0_to_100_scale()
    {
        Assert.Equal(84.0556, new Percentage(84.0556).Value);
        Assert.Equal(84.0556, Percentage.FromFraction(0.840556).Value, 6);
    }

    [Fact]
    public void Part_of_an_empty_whole_is_zero()
    {
        Assert.Equal(0, Percentage.Of(3, 0).Rounded);
        Assert.Equal(67, Percentage.Of(2, 3).Rounded);
    }
}
