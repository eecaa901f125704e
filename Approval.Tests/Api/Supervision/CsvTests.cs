using Approval.Api.Supervision;

namespace Approval.Tests.Api.Supervision;

/// <summary>CSV fields as RFC 4180 and spreadsheets want them.</summary>
public class CsvTests
{
    private static readonly TimeZoneInfo Beijing = new Approval.Workflows.Calendar.BusinessHours().Zone;

    [TestCase("张三", "张三")]
    [TestCase("a,b", "\"a,b\"")]
    [TestCase("云浮市\"好味道\"", "\"云浮市\"\"好味道\"\"\"")]
    [TestCase("line\nbreak", "\"line\nbreak\"")]
    [TestCase(" padded", "\" padded\"")]
    [TestCase("", "")]
    [TestCase(null, "")]
    public void A_field_is_quoted_only_when_it_must_be(string? text, string field) =>
        Assert.That(Csv.Field(text), Is.EqualTo(field));

    [TestCase("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [TestCase("+1", "'+1")]
    [TestCase("-2", "'-2")]
    [TestCase("@SUM(A1)", "'@SUM(A1)")]
    public void Text_that_a_spreadsheet_would_run_as_a_formula_is_kept_as_text(string text, string field) =>
        Assert.That(Csv.Field(text), Is.EqualTo(field));

    [Test]
    public void Instants_are_written_in_the_service_center_s_time_zone_with_the_offset_and_numbers_invariantly()
    {
        Assert.That(Csv.Field(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero), Beijing), Is.EqualTo("2026-12-07T09:00:00+08:00"));
        Assert.That(Csv.Field(1234567L, Beijing), Is.EqualTo("1234567"));
        Assert.That(Csv.Field(null, Beijing), Is.Empty);
    }
}
