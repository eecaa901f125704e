using System.Net;
using System.Net.Http.Headers;
using Approval.Tests.Api.Cases;

namespace Approval.Tests.Api.MachineClients;

/// <summary>Issuing a department system's client credential as an administrator, and signing in with it.</summary>
internal static class MachineClientHttp
{
    /// <summary>Issues the client (201) and answers its secret.</summary>
    public static async Task<string> IssueClientAsync(this HttpClient administrator, string clientId, string name, string departmentCode)
    {
        var issued = await administrator.PostJsonAsync("/api/admin/clients", new { clientId, name, departmentCode });
        Assert.That(issued.Status, Is.EqualTo(HttpStatusCode.Created), issued.Text);
        return issued["clientSecret"];
    }

    /// <summary>The client-credentials grant, as an OAuth2 library sends it: a form.</summary>
    public static async Task<Reply> RequestTokenAsync(this HttpClient anonymous, string clientId, string secret, string grantType = "client_credentials")
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = grantType, ["client_id"] = clientId, ["client_secret"] = secret,
        });
        return await anonymous.PostFormAsync(form);
    }

    public static async Task<Reply> PostFormAsync(this HttpClient anonymous, HttpContent form)
    {
        using var response = await anonymous.PostAsync(new Uri("/api/auth/token", UriKind.Relative), form);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, text.StartsWith('{') ? System.Text.Json.Nodes.JsonNode.Parse(text) : null, text);
    }

    /// <summary>A client carrying the machine client's bearer token.</summary>
    public static async Task<HttpClient> CreateMachineClientAsync(this ApprovalApiFactoryBase factory, string clientId, string secret)
    {
        var client = factory.CreateClient();
        var token = await client.RequestTokenAsync(clientId, secret);
        Assert.That(token.Status, Is.EqualTo(HttpStatusCode.OK), token.Text);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["accessToken"]);
        return client;
    }
}
