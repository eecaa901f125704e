using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Approval.Tests.Api.Contract;

/// <summary>
/// The OpenAPI document is the contract department systems generate their clients from: every operation is named
/// for what it does, says it in words, and describes every error it can answer as a problem detail; enums travel
/// as their names; and the document committed under openapi/ is the one the application serves.
/// </summary>
public partial class OpenApiContractTests
{
    private static JsonObject _served = null!;
    private static string _servedText = null!;

    // Verbs an operation may begin with: what a generated client's method says it does.
    private static readonly string[] Verbs =
    [
        "Get", "List", "Count", "Search", "Submit", "Accept", "Refuse", "Request", "Receive", "Deliver", "Supply", "Withdraw",
        "Rate", "Claim", "Release", "Delegate", "TakeBack", "TakeUp", "Reassign", "Give", "Suspend", "Resume", "Extend", "Decide",
        "Set", "End", "Issue", "Answer", "Confirm", "Dismiss", "File", "Decline", "Transfer", "Resolve", "Export", "Rebuild",
        "Save", "Reset", "Mark", "Attach", "Download", "Move", "Change", "Unlock", "Sign", "Add", "Reopen", "Start", "Retry",
        "Cancel", "Publish", "Validate", "Upload", "RollBack", "Close", "Remove", "Revoke",
    ];

    [OneTimeSetUp]
    public async Task ReadTheServedDocument()
    {
        await using var factory = new ApprovalApiFactory();
        using var client = factory.CreateClient();
        _servedText = await client.GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative));
        _served = JsonNode.Parse(_servedText)!.AsObject();
    }

    private static IEnumerable<(string Method, string Path, JsonObject Operation)> Operations() =>
        _served["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op => (op.Key.ToUpperInvariant(), path.Key, op.Value!.AsObject())));

    [Test]
    public void Every_operation_has_a_unique_operation_id_that_reads_as_a_verb()
    {
        var operations = Operations().ToList();
        Assert.That(operations, Is.Not.Empty);
        var ids = operations.Select(o => (string?)o.Operation["operationId"]).ToList();
        Assert.Multiple(() =>
        {
            foreach (var (method, path, operation) in operations)
            {
                var id = (string?)operation["operationId"];
                Assert.That(id, Is.Not.Null, $"{method} {path} has no operationId");
                if (id is null)
                    continue;
                Assert.That(PascalCase().IsMatch(id), Is.True, $"{method} {path}: '{id}' is not PascalCase");
                Assert.That(Verbs.Any(v => id.StartsWith(v, StringComparison.Ordinal) && id.Length > v.Length && char.IsUpper(id[v.Length])) || Verbs.Contains(id) || id is "SignIn" or "SignOut",
                    Is.True, $"{method} {path}: '{id}' does not begin with a verb");
            }
            Assert.That(ids.Where(i => i is not null).GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty, "duplicate operationIds");
        });
    }

    // The tags are who uses an operation: a department system's developer looks under their own group.
    private static readonly string[] UserGroups = ["Public", "Applicants", "Window", "Departments", "Supervision", "Administration", "Everyone signed in"];

    [Test]
    public void Every_operation_says_what_it_does_and_who_it_is_for()
    {
        Assert.Multiple(() =>
        {
            foreach (var (method, path, operation) in Operations())
            {
                Assert.That((string?)operation["summary"], Is.Not.Null.And.Not.Empty, $"{method} {path} has no summary");
                Assert.That((string?)operation["description"], Is.Not.Null.And.Not.Empty, $"{method} {path} has no description");
                var tags = operation["tags"]?.AsArray().Select(t => (string?)t).ToList() ?? [];
                Assert.That(tags, Is.Not.Empty, $"{method} {path} has no tag");
                Assert.That(tags, Is.SubsetOf(UserGroups), $"{method} {path}: a tag is a user group");
            }
        });
    }

    [Test]
    public void The_tags_are_the_user_groups_each_described()
    {
        var tags = _served["tags"]!.AsArray().Select(t => t!.AsObject()).ToList();
        Assert.That(tags.Select(t => (string?)t["name"]), Is.EqualTo(UserGroups));
        Assert.That(tags.Select(t => (string?)t["description"]), Has.All.Not.Null.And.Not.Empty);
    }

    [Test]
    public void The_document_says_its_time_convention_its_problem_codes_and_languages()
    {
        var description = (string?)_served["info"]!["description"];
        Assert.That(description, Does.Contain("+08:00").And.Contain("RFC 3339").And.Contain("`code`").And.Contain("Accept-Language"));
        var problem = _served["components"]!["schemas"]!["ProblemDetails"]!.AsObject();
        Assert.That(problem["required"]!.AsArray().Select(r => (string?)r), Does.Contain("code"), "every problem carries its code");
    }

    [Test]
    public void Every_error_response_is_a_problem_detail_with_the_fields_named()
    {
        var problem = _served["components"]!["schemas"]!["ProblemDetails"]!.AsObject();
        Assert.That(problem["properties"]!["errors"], Is.Not.Null, "the problem schema shows the field errors");
        Assert.Multiple(() =>
        {
            foreach (var (method, path, operation) in Operations())
                foreach (var (status, response) in operation["responses"]!.AsObject().Where(r => r.Key.StartsWith('4')))
                {
                    var schema = response!["content"]?["application/problem+json"]?["schema"]?["$ref"];
                    Assert.That((string?)schema, Is.EqualTo("#/components/schemas/ProblemDetails"), $"{method} {path} {status}");
                    Assert.That((string?)response["description"], Is.Not.Empty, $"{method} {path} {status} has no description");
                }
        });
    }

    [TestCase("POST", "/api/cases", "400", "401", "403", "422")]
    [TestCase("POST", "/api/cases/{caseId}/accept", "401", "403", "404", "409")]
    [TestCase("POST", "/api/auth/token", "400", "401", "422", "429")]
    [TestCase("GET", "/api/status", "400", "404", "429")]
    public void The_errors_a_step_can_answer_are_declared(string method, string path, params string[] statuses)
    {
        var responses = _served["paths"]![path]![method.ToLowerInvariant()]!["responses"]!.AsObject();
        Assert.That(responses.Select(r => r.Key), Is.SupersetOf(statuses));
    }

    [Test]
    public void Anonymous_operations_do_not_claim_they_need_a_sign_in()
    {
        var item = _served["paths"]!["/api/catalog/items"]!["get"]!["responses"]!.AsObject();
        Assert.That(item.Select(r => r.Key), Has.None.EqualTo("401").And.None.EqualTo("403"));
    }

    [Test]
    public void Every_enum_is_a_named_string_enum_as_on_the_wire()
    {
        var schemas = _served["components"]!["schemas"]!.AsObject();
        var enums = schemas.Where(s => s.Value!["enum"] is not null).ToList();
        Assert.That(enums, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var (name, schema) in enums)
            {
                Assert.That((string?)schema!["type"], Is.EqualTo("string"), name);
                Assert.That(schema["enum"]!.AsArray().Select(v => v!.GetValueKind()), Has.All.EqualTo(System.Text.Json.JsonValueKind.String), name);
            }
        });
        Assert.That(schemas["ComplaintStatus"]!["enum"]!.AsArray().Select(v => (string?)v), Does.Contain("Resolved"));
    }

    /// <summary>
    /// The build writes openapi/Approval.Api.json by running the application's entry point with an inert server;
    /// the running application serves its document from the same description. Both must say the same, or a client
    /// generated from the committed file would not match the API. (.ci/run also fails when the build changed the
    /// committed file: the document in the repository is stale.)
    /// </summary>
    [Test]
    public void The_document_the_build_writes_is_the_one_the_application_serves()
    {
        var committed = Path.Combine(RepositoryRoot(), "openapi", "Approval.Api.json");
        Assert.That(File.Exists(committed), Is.True, committed);
        var written = JsonNode.Parse(File.ReadAllText(committed))!;
        Assert.That(JsonNode.DeepEquals(written, _served), Is.True,
            "openapi/Approval.Api.json differs from /swagger/v1/swagger.json: build Approval.Api and commit the file it writes");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Approval.sln")))
                return directory.FullName;
        throw new InvalidOperationException("Approval.sln not found above the test directory");
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]+$")]
    private static partial Regex PascalCase();
}
