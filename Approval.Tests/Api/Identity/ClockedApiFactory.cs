using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Approval.Tests.Api.Identity;

/// <summary>The application on a fake clock.</summary>
internal sealed class ClockedApiFactory(FakeTimeProvider clock) : ApprovalApiFactoryBase
{
    protected override void Configure(IServiceCollection services) => services.AddSingleton<TimeProvider>(clock);
}
