using OpenGov.SharedKernel.Search;

namespace OpenGov.UnitTests.Kernel;

public class ArabicSearchTextTests
{
    [Theory]
    [InlineData("أإآٱ", "اااا")]
    [InlineData("مدرسة", "مدرسه")]
    [InlineData("منتدى", "منتدي")]
    [InlineData("الشَّفَافِيَّةُ", "الشفافيه")]
    [InlineData("الشفـــافية", "الشفافيه")]
    public void Normalizes_letters_diacritics_and_tatweel(string word, string expected)
        => Assert.Equal(expected, ArabicSearchText.Normalize(word));

    [Theory]
    [InlineData("الأمازيغية", "امازيغ")]
    [InlineData("بالأمازيغية", "امازيغ")]
    [InlineData("الميزانية", "ميزان")]
    [InlineData("والميزانية", "ميزان")]
    [InlineData("منتديات", "منتدي")]
    [InlineData("للمواطنين", "مواطن")]
    [InlineData("وزير", "زير")] // light stemming: a و that belongs to the root is stripped too, on both sides alike
    [InlineData("بيت", "بيت")]  // fewer than three letters would remain: kept
    public void A_query_word_becomes_one_stem(string word, string stem)
        => Assert.Equal(stem, ArabicSearchText.QueryStem(word));

    [Theory]
    [InlineData("الأمازيغية", "بالأمازيغية")]
    [InlineData("الميزانية", "ميزانية")]
    [InlineData("الميزانية", "والميزانية")]
    [InlineData("منتدى", "المنتدى")]
    [InlineData("منتدى", "منتديات")]
    [InlineData("وزارة", "الوزارة")]
    [InlineData("الوزارة", "وزارة")]
    [InlineData("إصلاح", "الاصلاحات")]
    public void An_indexed_word_is_found_by_related_query_words(string query, string indexed)
    {
        var stem = ArabicSearchText.QueryStem(query);
        Assert.Contains(ArabicSearchText.IndexTerms(indexed).Split(' '), f => f.StartsWith(stem, StringComparison.Ordinal));
        Assert.True(ArabicSearchText.Matches(indexed, stem));
    }

    [Fact]
    public void Every_word_is_indexed_under_its_own_query_stem()
    {
        foreach (var w in "وبالتالي فإن المجلس الوطني لحقوق الإنسان والمؤسسات الدستورية يشاركون في المنتديات".Split(' '))
            Assert.Contains(ArabicSearchText.IndexForms(w), f => f.StartsWith(ArabicSearchText.QueryStem(w), StringComparison.Ordinal));
    }

    [Fact]
    public void Latin_text_and_words_are_left_alone()
    {
        Assert.Equal("", ArabicSearchText.IndexTerms("Budget citoyen et données ouvertes"));
        Assert.Equal("données", ArabicSearchText.QueryStem("données"));
    }

    [Fact]
    public void A_form_that_starts_another_is_not_indexed_twice()
    {
        var terms = ArabicSearchText.IndexTerms("ميزانية الميزانية").Split(' ');
        Assert.Equal(terms.Length, terms.Distinct().Count());
        Assert.DoesNotContain(terms, t => terms.Any(o => o != t && o.StartsWith(t, StringComparison.Ordinal)));
    }
}
