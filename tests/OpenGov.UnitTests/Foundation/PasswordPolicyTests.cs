using OpenGov.Web.Security;

namespace OpenGov.UnitTests.Foundation;

public class PasswordPolicyTests
{
    [Theory]
    [InlineData("password1234")]
    [InlineData("PASSWORD1234")]
    [InlineData("motdepasse123")]
    [InlineData("aaaaaaaaaaaaaaa")]
    [InlineData("121212121212")]
    public void Common_passwords_are_refused(string password) => Assert.True(PasswordPolicyValidator.IsCommon(password));

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("la mer est calme ce soir")]
    [InlineData("الشفافية-هي-الأساس-2026")]
    public void Uncommon_passphrases_are_accepted(string password) => Assert.False(PasswordPolicyValidator.IsCommon(password));
}
