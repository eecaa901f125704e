using Approval.Workflows.Applicants;

namespace Approval.Tests.Workflows.Applicants;

/// <summary>Applicant identifiers are checked to the check digit, with a reason when they are wrong.</summary>
public class IdentifierTests
{
    [TestCase("11010519491231002X")]
    [TestCase("440524188001010014")]
    [TestCase("11010519491231002x")]
    public void A_resident_id_with_the_right_check_digit_is_accepted(string text)
    {
        Assert.That(ResidentIdNumber.TryParse(text, out var id, out _), Is.True);
        Assert.That(id!.Value, Is.EqualTo(text.ToUpperInvariant()));
    }

    [Test]
    public void A_resident_id_reveals_its_birth_date()
    {
        Assert.That(ResidentIdNumber.TryParse("11010519491231002X", out var id, out _), Is.True);
        Assert.That(id!.BirthDate, Is.EqualTo(new DateOnly(1949, 12, 31)));
    }

    [TestCase("110105194912310021", "check digit")]
    [TestCase("11010519491331002X", "date of birth")]
    [TestCase("1101051949123100", "18 characters")]
    [TestCase("1101051949123100AX", "digits")]
    public void A_wrong_resident_id_is_refused_saying_why(string text, string reason)
    {
        Assert.That(ResidentIdNumber.TryParse(text, out _, out var why), Is.False);
        Assert.That(why?.Text, Does.Contain(reason));
    }

    [TestCase("91350100M000100Y43")]
    [TestCase("91110000600037341L")]
    public void A_credit_code_with_the_right_check_character_is_accepted(string text)
    {
        Assert.That(UnifiedSocialCreditCode.TryParse(text, out _, out var why), Is.True, why?.Text);
    }

    [TestCase("91350100M000100Y44", "check character")]
    [TestCase("91350100M000100YI3", "not a character")]
    [TestCase("91350100M00", "18 characters")]
    public void A_wrong_credit_code_is_refused_saying_why(string text, string reason)
    {
        Assert.That(UnifiedSocialCreditCode.TryParse(text, out _, out var why), Is.False);
        Assert.That(why?.Text, Does.Contain(reason));
    }
}
