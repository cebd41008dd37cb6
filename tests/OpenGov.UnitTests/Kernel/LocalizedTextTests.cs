using OpenGov.SharedKernel.Errors;
using OpenGov.SharedKernel.Text;
using OpenGov.Tracking.Plans;

namespace OpenGov.UnitTests.Kernel;

public sealed class LocalizedTextTests
{
    [Theory]
    [InlineData("ar", "نص", "ar", false)]
    [InlineData("ar-MA", "نص", "ar", false)]
    [InlineData("en", "Original", "fr", true)]
    [InlineData("fr", "Original", "fr", false)]
    [InlineData("de", "Original", "fr", false)]
    public void Shows_the_visitors_language_else_the_french_original_marked(string culture, string text, string language, bool fallback)
    {
        var shown = new LocalizedText(" Original ", "نص", "  ").For(culture);
        Assert.Equal(new LocalizedValue(text, language, fallback), shown);
    }

    [Fact]
    public void A_copy_of_the_french_in_older_rows_reads_as_missing()
    {
        var name = LocalizedText.CopiesAsMissing("Accès", "Accès", "Access");
        Assert.Null(name.Ar);
        Assert.Equal("Access", name.En);
        Assert.True(name.For("ar").IsFallback);
    }

    [Fact]
    public void French_is_required_and_a_translation_needs_its_original()
    {
        Assert.Equal("FrenchOriginalRequired", Assert.Throws<DomainException>(() => new LocalizedText("", "عنوان").Checked("Field.title", 300, true)).Key);
        Assert.Equal("FrenchOriginalRequired", Assert.Throws<DomainException>(() => new LocalizedText("", null, "Body").Checked("Field.description", 300, false, frenchRequired: false)).Key);
        Assert.Equal(SingleLineText.MessageKey, Assert.Throws<DomainException>(() => new LocalizedText("Titre", "سطر\nآخر").Checked("Field.title", 300, true)).Key);
        Assert.Equal("TooLongCharactersMost", Assert.Throws<DomainException>(() => new LocalizedText("Titre", null, new string('x', 301)).Checked("Field.title", 300, true)).Key);
        new LocalizedText("", null, null).Checked("Field.description", 300, false, frenchRequired: false);
    }

    [Fact]
    public void Coverage_counts_translated_texts_per_language()
    {
        var c = TranslationCoverage.Of([new LocalizedText("a", "ا"), new LocalizedText("b", null, "b-en"), new LocalizedText("c"), new LocalizedText("")]);
        Assert.Equal(new TranslationCoverage(3, 1, 1), c);
        Assert.False(c.IsComplete);
    }

    [Fact]
    public void A_commitment_keeps_its_french_columns_and_refuses_a_translation_without_french()
    {
        var c = new Commitment(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1, "Titre", "Agence", DateTime.UtcNow);
        c.Translate(new LocalizedText("Titre", "عنوان"), new LocalizedText("Problème"), new LocalizedText(""));
        Assert.Equal("Titre", c.Title);
        Assert.Equal("عنوان", c.TitleAr);
        Assert.Null(c.TitleEn);
        Assert.Throws<DomainException>(() => c.Translate(new LocalizedText(" ", "عنوان"), c.ProblemText, c.DescriptionText));
        Assert.Equal("Titre", c.Title);
    }

    [Fact]
    public void A_mail_value_carries_every_language_and_plain_values_stay_plain()
    {
        var value = OpenGov.SharedKernel.Outbox.MailValue.Text(new LocalizedText("Fiche « ouverte »", "بطاقة", null));
        Assert.True(OpenGov.SharedKernel.Outbox.MailValue.TryText(value, out var text));
        Assert.Equal(new LocalizedText("Fiche « ouverte »", "بطاقة"), text);
        Assert.Equal("Fiche « ouverte »", text.For("en").Text);
        Assert.False(OpenGov.SharedKernel.Outbox.MailValue.TryText("Fiche ouverte", out _));
        Assert.False(OpenGov.SharedKernel.Outbox.MailValue.TryText("\u0001text:{broken", out _));
    }

    [Fact]
    public void Stale_translations_add_up_with_the_coverage()
    {
        var a = TranslationCoverage.Of([new LocalizedText("Titre", "عنوان")]) with { Stale = 1 };
        var b = TranslationCoverage.Of([new LocalizedText("Autre", null, "Other")]) with { Stale = 2 };
        Assert.Equal(new TranslationCoverage(2, 1, 1) { Stale = 3 }, a.Plus(b));
    }
}
