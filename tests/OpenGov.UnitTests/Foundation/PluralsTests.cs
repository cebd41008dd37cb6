using OpenGov.Web.Localization;

namespace OpenGov.UnitTests.Foundation;

public sealed class PluralsTests
{
    [Theory]
    [InlineData("fr", 0, "One")]
    [InlineData("fr", 1, "One")]
    [InlineData("fr", 2, "Other")]
    [InlineData("en", 0, "Other")]
    [InlineData("en", 1, "One")]
    [InlineData("ar", 0, "Zero")]
    [InlineData("ar", 2, "Two")]
    [InlineData("ar", 5, "Few")]
    [InlineData("ar", 11, "Many")]
    [InlineData("ar", 100, "Other")]
    public void Categories_follow_each_languages_rule(string language, long count, string expected)
        => Assert.Equal(expected, Plurals.Category(language, count));
}
