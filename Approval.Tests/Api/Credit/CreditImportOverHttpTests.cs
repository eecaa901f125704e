using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using Approval.Workflows.Applicants;

namespace Approval.Tests.Api.Credit;

/// <summary>
/// The CSV import of a provincial credit platform's export, on SQLite and PostgreSQL: every row checked, each rejected
/// row reported by its line with every wrong field and why; all or nothing per file.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class CreditImportOverHttpTests(DatabaseProvider provider)
{
    private CaseApiFactory? _factory;
    private CaseApiFactory Factory => _factory!;

    private static readonly string PersonA = "44530219850505001" + ResidentIdNumber.CheckDigitOf("44530219850505001");
    private static readonly string CompanyB = "91445302MA4UY0034" + UnifiedSocialCreditCode.CheckCharacterOf("91445302MA4UY0034");

    [SetUp]
    public async Task Start() => _factory = await CaseApiFactory.StartAsync(provider, "2026-06-01T09:00:00");

    [TearDown]
    public async Task Stop()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    private const string Header = "主体代码,主体名称,记录类型,认定部门,决定文书号,事由,生效日期,截止日期";

    private static async Task<Reply> ImportAsync(HttpClient client, string csv)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        using var response = await client.PostAsync("/api/credit/imports", content);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, text.StartsWith('{') ? JsonNode.Parse(text) : null, text);
    }

    [Test]
    public async Task A_clean_export_is_imported_whole_with_the_platforms_Chinese_headers_kinds_and_department_names()
    {
        using var admin = await Factory.CreateClientAsync("admin");
        var csv = $"""
            {Header}
            {PersonA},李甲,行政处罚,市场监督管理局,云市监罚〔2026〕7号,"未按规定公示年度报告，罚款 2,000 元",2026-04-01,
            {CompanyB},云浮市乙公司,失信被执行人,hrss,（2026）粤5302执9号,拒不履行生效判决,2026-03-15,2029-03-15
            {CompanyB},云浮市乙公司,A级纳税人,税务局,云税信〔2026〕2号,2025 年度纳税信用 A 级,2026-04-20,

            """;
        var imported = await ImportAsync(admin, csv);
        Assert.That(imported.Status, Is.EqualTo(HttpStatusCode.OK), imported.Text);
        Assert.That((imported.Body!["rows"]!.GetValue<int>(), imported.Body["imported"]!.GetValue<int>()), Is.EqualTo((3, 3)));
        Assert.That(imported.Body["rejected"]!.AsArray(), Is.Empty);

        using var supervisor = await Factory.CreateClientAsync("supervisor");
        var a = await supervisor.GetJsonAsync($"/api/credit/subjects/{PersonA}");
        Assert.That(a["standing"], Is.EqualTo("Fair"));
        Assert.That(a.Body!["records"]![0]!["summary"]!.GetValue<string>(), Is.EqualTo("未按规定公示年度报告，罚款 2,000 元"), "a quoted field keeps its comma");
        Assert.That(a.Body["records"]![0]!["sourceDepartmentCode"]!.GetValue<string>(), Is.EqualTo("samr"), "the department's name is taken for its code");
        var b = await supervisor.GetJsonAsync($"/api/credit/subjects/{CompanyB}");
        Assert.That((b["standing"], b.Body!["kinds"]!.AsArray().Count), Is.EqualTo(("Dishonest", 2)));

        var again = await ImportAsync(admin, csv);
        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity), "the same file twice: every row is already in the store");
        Assert.That(again.Body!["rejected"]!.AsArray().Select(r => r!["line"]!.GetValue<int>()), Is.EqualTo(new[] { 2, 3, 4 }));
    }

    [Test]
    public async Task A_file_with_bad_rows_reports_each_by_its_line_and_fields_and_nothing_of_it_is_saved()
    {
        using var admin = await Factory.CreateClientAsync("admin");
        var csv = $"""
            {Header}
            {PersonA},李甲,行政处罚,samr,云市监罚〔2026〕7号,罚款,2026-04-01,
            440000000000000000,李乙,罚款,nowhere,云市监罚〔2026〕8号,罚款,2026-04-31,
            {CompanyB},云浮市乙公司,失信被执行人,hrss,,拒不履行,2026-03-15,2026-03-01
            {PersonA},李甲,行政处罚,samr,云市监罚〔2026〕7号,罚款,2026-04-01,
            {PersonA},李甲,行政处罚,samr
            """;
        var report = await ImportAsync(admin, csv);
        Assert.That(report.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity), report.Text);
        Assert.That(report.Body!["imported"]!.GetValue<int>(), Is.Zero);
        var rejected = report.Body["rejected"]!.AsArray().ToDictionary(r => r!["line"]!.GetValue<int>(), r => r!["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ToList());
        Assert.That(rejected.Keys, Is.EqualTo(new[] { 3, 4, 5, 6 }), "line 2 is right; the others are not");
        Assert.That(rejected[3], Is.EquivalentTo(new[] { "subjectId", "kind", "sourceDepartmentCode", "effectiveOn" }));
        Assert.That(rejected[4], Is.EquivalentTo(new[] { "documentNumber", "expiresOn" }));
        Assert.That(rejected[5], Is.EqualTo(new[] { "documentNumber" }), "twice in the file");
        Assert.That(rejected[6], Is.EqualTo(new[] { "row" }), "too few fields");

        using var supervisor = await Factory.CreateClientAsync("supervisor");
        var a = await supervisor.GetJsonAsync($"/api/credit/subjects/{PersonA}");
        Assert.That((a["standing"], a.Body!["records"]!.AsArray().Count), Is.EqualTo(("Good", 0)), "all or nothing: line 2 was not saved either");
    }

    [Test]
    public async Task A_file_without_the_columns_or_without_records_is_refused_and_only_administrators_import()
    {
        using var admin = await Factory.CreateClientAsync("admin");
        var header = await ImportAsync(admin, "主体代码,名称,记录类型\n" + PersonA + ",李甲,行政处罚\n");
        Assert.That(header.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity), header.Text);
        var reasons = header.Body!["rejected"]![0]!["errors"]!.AsArray().Select(e => e!["reason"]!.GetValue<string>()).ToList();
        Assert.That(reasons, Has.Some.Contains("'名称' is not a column").And.Some.Contains("no column subjectName"));
        Assert.That((await ImportAsync(admin, Header + "\n")).Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That((await ImportAsync(admin, "")).Status, Is.EqualTo(HttpStatusCode.BadRequest));
        using (var json = await admin.PostAsync(new Uri("/api/credit/imports", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new { subjectId = PersonA })))
            Assert.That(json.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType), "the file is CSV text");
        using var samr = await Factory.CreateClientAsync("samr-head");
        Assert.That((await ImportAsync(samr, Header + "\n")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
