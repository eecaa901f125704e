using System.Net;
using System.Net.Http.Json;
using Approval.Api.Identity;
using Approval.Workflows.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Api;

/// <summary>
/// Every API endpoint × every role (and no one): a role the endpoint's policy does not admit gets 403, no one
/// signed in gets 401 unless the endpoint is public, an admitted role gets past authorization, and nothing is a 500.
/// </summary>
public class EndpointRoleMatrixTests
{
    private static ApprovalApiFactory _factory = null!;
    private static readonly Dictionary<string, HttpClient> Clients = [];
    private static bool _signedOut;

    [OneTimeSetUp]
    public static async Task Start()
    {
        _factory = new ApprovalApiFactory();
        foreach (var (who, client) in await SignInEveryRoleAsync())
            Clients[who] = client;
    }

    private static async Task<Dictionary<string, HttpClient>> SignInEveryRoleAsync()
    {
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = _factory.CreateClient() };
        foreach (var role in Enum.GetValues<Role>())
            clients[role.ToString()] = await _factory.CreateClientAsync(role);
        return clients;
    }

    [OneTimeTearDown]
    public static async Task Stop()
    {
        foreach (var client in Clients.Values)
            client.Dispose();
        await _factory.DisposeAsync();
    }

    private sealed record ApiEndpoint(string Method, string Pattern, bool Public, IReadOnlyList<string> Policies, bool Multipart = false)
    {
        public override string ToString() => $"{Method} {Pattern}";
    }

    private static IEnumerable<ApiEndpoint> Endpoints()
    {
        using var factory = new ApprovalApiFactory();
        var sources = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            if (!pattern.StartsWith("/api/", StringComparison.Ordinal) && !pattern.StartsWith("api/", StringComparison.Ordinal))
                continue;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var isPublic = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
            var multipart = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") ?? false;
            foreach (var method in methods)
                yield return new ApiEndpoint(method, "/" + pattern.TrimStart('/'), isPublic, policies, multipart);
        }
    }

    // Every policy listed must admit the role; an endpoint naming none is open to anyone signed in.
    private static bool Admits(ApiEndpoint endpoint, Role role) =>
        endpoint.Policies.Count == 0 || endpoint.Policies.All(p => Policies.Roles[p].Contains(role));

    [TestCaseSource(nameof(Endpoints))]
    public async Task Each_role_gets_exactly_what_the_endpoint_admits(object endpointObject)
    {
        var endpoint = (ApiEndpoint)endpointObject;
        var url = System.Text.RegularExpressions.Regex.Replace(endpoint.Pattern, @"\{(\w+)(:int)?\}", m => m.Groups[2].Success ? "1" : "x");
        // A sign-out ends every token of the user: after one, each role signs in again.
        if (_signedOut)
        {
            foreach (var (who, client) in await SignInEveryRoleAsync())
            {
                Clients[who].Dispose();
                Clients[who] = client;
            }
        }
        _signedOut = endpoint.Pattern == "/api/auth/logout";
        foreach (var (who, client) in Clients)
        {
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url);
            if (endpoint.Method is "POST" or "PUT")
                request.Content = endpoint.Multipart ? new MultipartFormDataContent() : JsonContent.Create(new { });
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            Assert.That(status, Is.LessThan(500), $"{who} → {endpoint}: {await response.Content.ReadAsStringAsync()}");
            if (endpoint.Public)
            {
                Assert.That(response.StatusCode, Is.Not.EqualTo(HttpStatusCode.Unauthorized).And.Not.EqualTo(HttpStatusCode.Forbidden), $"{who} → {endpoint} is public");
                continue;
            }
            if (who == "anonymous")
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"{who} → {endpoint}");
                continue;
            }
            var expected = Admits(endpoint, Enum.Parse<Role>(who));
            if (expected)
                Assert.That(response.StatusCode, Is.Not.EqualTo(HttpStatusCode.Unauthorized).And.Not.EqualTo(HttpStatusCode.Forbidden), $"{who} → {endpoint} should be admitted");
            else
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), $"{who} → {endpoint} should be refused");
        }
    }

    [Test]
    public void The_matrix_covers_the_api()
    {
        var endpoints = Endpoints().Select(e => e.ToString()).ToList();
        Assert.That(endpoints, Has.Count.GreaterThan(30));
        Assert.That(endpoints, Does.Contain("POST /api/cases/{caseId}/decision").And.Contain("GET /api/tasks").And.Contain("POST /api/admin/clock/"));
    }
}
