using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Approval.Tests.Api.Identity;

/// <summary>
/// The application with abuse limits a test chooses, on a fake clock, where each client may say which address it
/// connects from (<see cref="AddressHeader"/>): the in-memory server has no remote address of its own.
/// </summary>
internal sealed class LimitedApiFactory(IReadOnlyDictionary<string, string> settings, FakeTimeProvider clock) : ApprovalApiFactoryBase
{
    public const string AddressHeader = "X-Test-Client-Address";

    public FakeTimeProvider Clock { get; } = clock;

    protected override IReadOnlyDictionary<string, string> Settings => settings;

    protected override void Configure(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
    }

    /// <summary>A client whose requests come from the address.</summary>
    public HttpClient CreateClientFrom(string address)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[AddressHeader].ToString(), out var address))
                    context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
