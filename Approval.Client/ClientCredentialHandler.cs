using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Approval.Client;

/// <summary>
/// Signs a department system in with its client credential and keeps it signed in: every request goes out with a bearer
/// token from <c>POST /api/auth/token</c> (form <c>grant_type=client_credentials</c>), asked for again a minute before it
/// expires, and once more when the API answers 401 (the token was revoked or the server's clock moved on).
/// Put it under the <see cref="HttpClient"/> the generated <see cref="ApprovalApiClient"/> is given.
/// </summary>
public sealed class ClientCredentialHandler : DelegatingHandler
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(1);
    private readonly ClientCredential _credential;
    private readonly Uri _tokenEndpoint;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _signingIn = new(1, 1);
    private (string Value, DateTimeOffset ExpiresAt)? _token;

    /// <param name="baseAddress">The application's address, e.g. <c>http://localhost:5080/</c>.</param>
    /// <param name="clock">The clock the token's expiry is compared with; the system's by default.</param>
    public ClientCredentialHandler(ClientCredential credential, Uri baseAddress, HttpMessageHandler? inner = null, TimeProvider? clock = null)
        : base(inner ?? new HttpClientHandler())
    {
        _credential = credential ?? throw new ArgumentNullException(nameof(credential));
        _tokenEndpoint = new Uri(baseAddress ?? throw new ArgumentNullException(nameof(baseAddress)), "/api/auth/token");
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The access token in use, asking for one if there is none or it is about to expire.</summary>
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (_token is { } held && held.ExpiresAt - RenewBefore > _clock.GetUtcNow())
            return held.Value;
        await _signingIn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is { } renewed && renewed.ExpiresAt - RenewBefore > _clock.GetUtcNow())
                return renewed.Value;
            _token = await SignInAsync(cancellationToken).ConfigureAwait(false);
            return _token.Value.Value;
        }
        finally
        {
            _signingIn.Release();
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await GetTokenAsync(cancellationToken).ConfigureAwait(false));
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        // A body already sent cannot always be sent again: only requests without one, or with a buffered one, are retried.
        if (response.StatusCode != HttpStatusCode.Unauthorized || request.Content is StreamContent)
            return response;
        response.Dispose();
        _token = null;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await GetTokenAsync(cancellationToken).ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(string, DateTimeOffset)> SignInAsync(CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _credential.ClientId,
            ["client_secret"] = _credential.ClientSecret,
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, _tokenEndpoint) { Content = form };
        using var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new ApprovalApiException($"The client credential '{_credential.ClientId}' was refused ({(int)response.StatusCode}).",
                (int)response.StatusCode, text, response.Headers.ToDictionary(h => h.Key, h => h.Value), null);
        using var answer = JsonDocument.Parse(text);
        var root = answer.RootElement;
        return (root.GetProperty("accessToken").GetString()!, root.GetProperty("expiresAt").GetDateTimeOffset());
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _signingIn.Dispose();
        base.Dispose(disposing);
    }
}
