using System.Net;
using System.Text;

namespace Approval.Tests.Api.Contract;

/// <summary>
/// The check every test client carries fails on drift and lets the described answers through: here it is fed answers
/// that are not the application's (a canned inner handler), to see each kind of drift named.
/// </summary>
public class ContractCheckTests
{
    /// <summary>Answers every request with the given status, media type and body.</summary>
    private sealed class Canned(HttpStatusCode status, string? mediaType, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status)
            {
                Content = mediaType is null ? new ByteArrayContent([]) : new StringContent(body, Encoding.UTF8, mediaType),
            });
    }

    private static Task<HttpResponseMessage> AnswerAsync(string path, HttpStatusCode status, string? mediaType, string body = "")
    {
        var client = new HttpClient(new ContractCheck { InnerHandler = new Canned(status, mediaType, body) }) { BaseAddress = new Uri("http://localhost") };
        return client.GetAsync(new Uri(path, UriKind.Relative));
    }

    [Test]
    public void A_status_the_operation_does_not_declare_is_drift()
    {
        var drift = Assert.ThrowsAsync<ContractDriftException>(() => AnswerAsync("/api/cases/C1", HttpStatusCode.Gone, "application/problem+json", "{}"));
        Assert.That(drift!.Message, Does.Contain("GET /api/cases/{caseId}").And.Contain("410"));
    }

    [Test]
    public void A_body_that_does_not_fit_the_schema_is_drift_naming_where()
    {
        var drift = Assert.ThrowsAsync<ContractDriftException>(() =>
            AnswerAsync("/api/me/notifications/unread-count", HttpStatusCode.OK, "application/json", """{ "unread": "three" }"""));
        Assert.That(drift!.Message, Does.Contain("/unread"));
    }

    [Test]
    public void A_problem_without_its_code_is_drift()
    {
        var drift = Assert.ThrowsAsync<ContractDriftException>(() =>
            AnswerAsync("/api/cases/C1", HttpStatusCode.NotFound, "application/problem+json", """{ "status": 404, "title": "Not found" }"""));
        Assert.That(drift!.Message, Does.Contain("code"));
    }

    [Test]
    public async Task A_described_answer_passes_and_its_body_can_still_be_read()
    {
        using var answer = await AnswerAsync("/api/me/notifications/unread-count", HttpStatusCode.OK, "application/json", """{ "unread": 3 }""");
        Assert.That(await answer.Content.ReadAsStringAsync(), Is.EqualTo("""{ "unread": 3 }"""));
    }

    [Test]
    public async Task Pages_and_files_are_not_the_documents_business()
    {
        using var page = await AnswerAsync("/portal", HttpStatusCode.OK, "text/html", "<html></html>");
        using var csv = await AnswerAsync("/api/supervision/cases?format=csv", HttpStatusCode.OK, "text/csv", "number\n");
        Assert.That((page.StatusCode, csv.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
    }
}
