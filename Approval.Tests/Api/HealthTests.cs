using Microsoft.AspNetCore.Mvc.Testing;

namespace Approval.Tests.Api;

public class HealthTests
{
    [Test]
    public async Task Health_endpoint_answers_healthy()
    {
        await using var factory = new WebApplicationFactory<Program>();
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }
}
