using Approval.Workflows.Applicants;

namespace Approval.Tests.Workflows.Applicants;

/// <summary>Lists staff search show an ID or credit code de-identified: the issuing region and the last four kept.</summary>
public class IdentityNumberMaskTests
{
    [TestCase("11010519491231002X", "110105********002X")]
    [TestCase("91350100M000100Y43", "913501********0Y43")]
    [TestCase(" 440524188001010014 ", "440524********0014")]
    public void An_eighteen_character_number_keeps_its_first_six_and_last_four(string number, string masked) =>
        Assert.That(IdentityNumberMask.Mask(number), Is.EqualTo(masked));

    [TestCase("12345678", "******78")]
    [TestCase("X", "X")]
    public void A_short_number_shows_only_its_last_two(string number, string masked) =>
        Assert.That(IdentityNumberMask.Mask(number), Is.EqualTo(masked));
}
