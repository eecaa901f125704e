namespace Approval.Tests.Api;

public class HealthTests
{
    [Test]
    public async Task Health_endpoint_answers_healthy()
    {
        await using var factory = new ApprovalApiFactory();
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task Swagger_describes_the_api()
    {
        await using var factory = new ApprovalApiFactory();
        using var client = factory.CreateClient();
        var document = await client.GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative));
        Assert.That(document, Does.Contain("/api/workflow-definitions").And.Contain("/api/workflow-instances").And.Contain("/api/cases"));
        Assert.That(document, Does.Contain("云浮市张三科技有限公司"), "the application's example");
    }
}
