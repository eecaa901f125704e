using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using Approval.Tests.Api.Supervision;
using Approval.Workflows.Inputs;

namespace Approval.Tests.Api.Inputs;

/// <summary>
/// Every text field has a limit, and a value past it is refused before anything is written, with the field named —
/// the same 422 on SQLite and PostgreSQL (PostgreSQL used to answer 500 for a value wider than its column, SQLite to
/// keep it, and an over-long Idempotency-Key came back as a 409 that invited endless retries).
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class BoundedInputTests(DatabaseProvider provider)
{
    private CaseApiFactory _factory = null!;
    private HttpClient _applicant = null!;
    private HttpClient _clerk = null!;
    private HttpClient _supervisor = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = await CaseApiFactory.StartAsync(provider, "2026-11-24T10:00:00");
        _applicant = await _factory.CreateClientAsync("applicant");
        _clerk = await _factory.CreateClientAsync("clerk");
        _supervisor = await _factory.CreateClientAsync("supervisor");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _applicant?.Dispose();
        _clerk?.Dispose();
        _supervisor?.Dispose();
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    private static string Text(int length) => new('长', length);

    private static void AssertRefused(Reply reply, string field, HttpStatusCode status = HttpStatusCode.UnprocessableEntity)
    {
        Assert.That(reply.Status, Is.EqualTo(status), reply.Text);
        Assert.That(reply.Body?["errors"]?[field], Is.Not.Null, $"the problem names {field}: {reply.Text}");
    }

    [Test]
    public async Task A_complaint_contact_wider_than_its_column_is_refused_naming_the_field()
    {
        var reply = await _applicant.PostJsonAsync("/api/complaints", new { contact = Text(TextLimits.Name + 1), body = "窗口人员要求提交目录外材料" });
        AssertRefused(reply, "contact");
        var complaints = await _applicant.GetJsonAsync("/api/complaints");
        Assert.That(complaints.Text, Does.Not.Contain(Text(TextLimits.Name + 1)));
    }

    [Test]
    public async Task A_notice_subject_and_a_twenty_megabyte_body_are_refused_naming_each_field()
    {
        var subject = await _supervisor.PostJsonAsync("/api/supervision/notices", new { departmentCode = "samr", kind = "SupervisionRecommendation", subject = Text(301), body = "请改正" });
        AssertRefused(subject, "subject");
        var body = await _supervisor.PostJsonAsync("/api/supervision/notices", new { departmentCode = "samr", kind = "SupervisionRecommendation", subject = "督办", body = new string('x', 20_000_000) });
        AssertRefused(body, "body");
    }

    [Test]
    public async Task An_idempotency_key_longer_than_its_column_is_refused_not_answered_as_a_conflict()
    {
        var reply = await _applicant.PostJsonAsync("/api/cases", SupervisionScenarios.Enterprise, idempotencyKey: new string('k', TextLimits.Code + 1));
        AssertRefused(reply, "Idempotency-Key");
    }

    [Test]
    public async Task A_long_applicant_name_is_refused_naming_the_field()
    {
        var reply = await _clerk.PostJsonAsync("/api/cases", new
        {
            itemCode = "QY-SL-001",
            applicant = new { kind = "Person", idNumber = SupervisionScenarios.PersonId, name = Text(TextLimits.Name + 1) },
            form = new { companyName = "云浮市张三科技有限公司", registeredCapital = 100, businessScope = "软件开发", address = "云城区", legalRepresentativeId = SupervisionScenarios.PersonId },
        });
        AssertRefused(reply, "applicant.name");
    }

    [Test]
    public async Task A_megabyte_refusal_reason_is_refused_and_the_timeline_does_not_grow()
    {
        var (caseId, _, _) = await _applicant.SubmitAsync(SupervisionScenarios.Enterprise);
        var refused = await _clerk.PostJsonAsync($"/api/cases/{caseId}/refuse", new { reason = Text(1_000_000) });
        AssertRefused(refused, "reason");
        var @case = await _clerk.GetJsonAsync($"/api/cases/{caseId}");
        Assert.That(@case["status"], Is.EqualTo("Submitted"));
        Assert.That(@case.Text.Length, Is.LessThan(20_000));
    }

    [Test]
    public async Task An_over_long_form_text_is_refused_naming_the_form_field()
    {
        var reply = await _clerk.PostJsonAsync("/api/cases", new
        {
            itemCode = "QY-SL-001",
            applicant = new { kind = "Person", idNumber = SupervisionScenarios.PersonId, name = "张三" },
            form = new { companyName = "云浮市张三科技有限公司", registeredCapital = 100, businessScope = Text(TextLimits.FormText + 1), address = "云城区", legalRepresentativeId = SupervisionScenarios.PersonId },
        });
        AssertRefused(reply, "form.businessScope");
    }

    [Test]
    public async Task An_idempotency_key_sent_again_with_another_application_is_refused_and_with_the_same_one_returns_the_first_case()
    {
        var key = Guid.NewGuid().ToString("N");
        var first = await _applicant.PostJsonAsync("/api/cases", SupervisionScenarios.Enterprise, key);
        Assert.That(first.Status, Is.EqualTo(HttpStatusCode.Created), first.Text);

        var again = await _applicant.PostJsonAsync("/api/cases", SupervisionScenarios.Enterprise, key);
        Assert.That((again.Status, again["id"]), Is.EqualTo((HttpStatusCode.OK, first["id"])), again.Text);

        var other = await _applicant.PostJsonAsync("/api/cases", new
        {
            itemCode = "QY-SL-001",
            applicant = new { kind = "Person", idNumber = SupervisionScenarios.PersonId, name = "张三" },
            form = new { companyName = "云浮市另一家科技有限公司", registeredCapital = 200, businessScope = "软件开发", address = "云城区", legalRepresentativeId = SupervisionScenarios.PersonId },
        }, key);
        AssertRefused(other, "Idempotency-Key");
        Assert.That(other.Text, Does.Contain("another request"));
    }

    [TestCase("{\"reason\": ", "body", HttpStatusCode.BadRequest, TestName = "Malformed JSON names the body")]
    [TestCase("{\"reason\": 42}", "reason", HttpStatusCode.BadRequest, TestName = "A number for a text names the field")]
    [TestCase("", "body", HttpStatusCode.BadRequest, TestName = "A missing body names the body")]
    public async Task Framework_refusals_are_problem_details_naming_the_field(string json, string field, HttpStatusCode status)
    {
        var (caseId, _, _) = await _applicant.SubmitAsync(SupervisionScenarios.Enterprise);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _clerk.PostAsync(new Uri($"/api/cases/{caseId}/refuse", UriKind.Relative), content);
        var reply = await ReplyOf(response);
        AssertRefused(reply, field, status);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task A_body_that_is_not_json_is_a_415_problem_naming_the_content_type()
    {
        using var content = new StringContent("reason=none", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await _clerk.PostAsync(new Uri("/api/cases/x/refuse", UriKind.Relative), content);
        AssertRefused(await ReplyOf(response), "Content-Type", HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task A_wrong_rating_type_and_a_bad_query_value_name_their_fields()
    {
        using var rating = new StringContent("{\"score\": \"five\"}", Encoding.UTF8, "application/json");
        AssertRefused(await ReplyOf(await _applicant.PostAsync(new Uri("/api/cases/x/rating", UriKind.Relative), rating)), "score", HttpStatusCode.BadRequest);
        var query = await _supervisor.GetJsonAsync("/api/supervision/complaints?breached=perhaps");
        AssertRefused(query, "breached", HttpStatusCode.BadRequest);
    }

    private static async Task<Reply> ReplyOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, text.StartsWith('{') ? JsonNode.Parse(text) : null, text);
    }
}
