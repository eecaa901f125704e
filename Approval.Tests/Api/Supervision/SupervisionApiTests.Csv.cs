using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Approval.Tests.Api.Supervision;

/// <summary>Every list exports as CSV: UTF-8 with a byte order mark (Excel reads Chinese right), stable column names, RFC 4180 quoting.</summary>
public partial class SupervisionApiTests
{
    [Test]
    public async Task The_case_list_exports_as_UTF8_CSV_with_a_byte_order_mark_stable_columns_and_quoted_fields()
    {
        using var response = await _supervisor.GetAsync(new Uri("/api/supervision/cases?format=csv", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((response.Content.Headers.ContentType!.MediaType, response.Content.Headers.ContentType.CharSet), Is.EqualTo(("text/csv", "utf-8")));
        Assert.That(response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), Is.EqualTo("supervision-cases.csv"));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));

        var lines = Lines(bytes);
        Assert.That(lines[0], Is.EqualTo("caseId,number,itemCode,itemName,applicantName,status,level,leadDepartmentCode,leadDepartmentName,receivedAt,acceptedAt,dueAt,closedAt,answeringClerk"));
        Assert.That(lines.Skip(1).Select(l => l.Split(',')[0]), Is.EqualTo(new[] { _cases.Red, _cases.Prompt, _cases.Yellow }), "the list's rows, in its order");
        var number = (await Read("/api/supervision/cases?level=Prompt"))["items"]![0]!["number"]!.GetValue<string>();
        Assert.That(lines[2], Is.EqualTo($"{_cases.Prompt},{number},SP-JY-001,食品经营许可,\"云浮市\"\"好味道\"\",餐饮有限公司\",InReview,Prompt,samr,市场监督管理局," +
            "2026-11-24T10:00:00+08:00,2026-11-24T14:00:00+08:00,2026-12-08T17:30:00+08:00,,clerk"));
    }

    [Test]
    public async Task A_CSV_export_holds_every_matching_row_not_one_page()
    {
        Assert.That(Lines(await Csv("/api/supervision/cases?pageSize=1&format=csv")), Has.Length.EqualTo(1 + 3));
        Assert.That(Lines(await Csv("/api/supervision/cases?level=Red&format=csv")), Has.Length.EqualTo(1 + 1));
        Assert.That(Lines(await Csv("/api/supervision/tasks?format=csv")), Has.Length.EqualTo(1 + 8));
    }

    [Test]
    public async Task The_task_list_exports_as_CSV_when_the_client_accepts_text_csv()
    {
        var lines = Lines(await Csv("/api/supervision/tasks?claimedBy=fire-reviewer", accept: "text/csv"));
        Assert.That(lines[0], Is.EqualTo("taskId,caseId,caseNumber,itemCode,itemName,applicantName,departmentCode,departmentName,status,level,claimedBy,openedAt,dueAt,closedAt"));
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[1], Does.Contain($",{_cases.Yellow},").And.EndWith(
            ",QY-SL-001,企业设立登记,张三,fire,消防救援支队,Open,Red,fire-reviewer,2026-11-24T14:00:00+08:00,2026-12-01T17:30:00+08:00,"));
    }

    [Test]
    public async Task The_violation_list_exports_as_CSV_quoting_evidence_with_commas()
    {
        var lines = Lines(await Csv("/api/supervision/violations?kind=OverdueCase&format=csv"));
        Assert.That(lines[0], Is.EqualTo("id,caseId,caseNumber,itemCode,kind,at,departmentCode,departmentName,person,evidence,review,reviewedBy,reviewedAt,reviewReason,calendarDoubt"));
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[1], Does.Contain($",{_cases.Red},").And.Contain(",SP-JY-001,OverdueCase,2026-12-07T09:00:00+08:00,samr,市场监督管理局,,\"case due "));
    }

    [Test]
    public async Task Format_json_answers_JSON_even_to_a_client_that_accepts_CSV()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/supervision/violations?format=json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await _supervisor.SendAsync(request);
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
    }

    private async Task<byte[]> Csv(string url, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var response = await _supervisor.SendAsync(request);
        Assert.That((response.StatusCode, response.Content.Headers.ContentType!.MediaType), Is.EqualTo((HttpStatusCode.OK, "text/csv")), url);
        return await response.Content.ReadAsByteArrayAsync();
    }

    // The lines after the byte order mark; every line, the last included, ends in CRLF.
    private static string[] Lines(byte[] csv)
    {
        var text = Encoding.UTF8.GetString(csv.AsSpan(3));
        Assert.That(text, Does.EndWith("\r\n"));
        return text[..^2].Split("\r\n");
    }
}
