using System.Net;
using Approval.Api.Notifications;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using Microsoft.Extensions.DependencyInjection;
using static Approval.Tests.Api.Notifications.ApplicantFeedback;

namespace Approval.Tests.Api.Notifications;

/// <summary>Result feedback by e-mail: the applicant's address and language from their profile, through the e-mail outbox to a captured SMTP server.</summary>
public class ApplicantEmailTests
{
    [Test]
    public async Task The_applicant_gets_each_step_by_e_mail_in_their_language_until_they_turn_e_mail_off()
    {
        using var smtp = new SmtpCapture();
        await using var factory = await CaseApiFactory.StartAsync(DatabaseProvider.Sqlite, "2026-11-24T09:00:00", new Dictionary<string, string>
        {
            ["Approval:Smtp:Host"] = "127.0.0.1",
            ["Approval:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var applicant = await factory.CreateClientAsync("applicant");
        using var clerk = await factory.CreateClientAsync("clerk");
        var saved = await applicant.PutJsonAsync("/api/me/profile", new { email = "zhangsan@example.cn", language = "en" });
        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.OK), saved.Text);
        var outbox = factory.Services.GetRequiredService<EmailOutbox>();

        var (id, number, queryCode) = await applicant.SubmitAsync(Food);
        Assert.That(await outbox.DeliverAsync(CancellationToken.None), Is.EqualTo(1));
        var mail = smtp.Messages.Single();
        Assert.That(mail.To, Is.EqualTo(new[] { "zhangsan@example.cn" }));
        Assert.That(mail.Headers["Subject"], Is.EqualTo("Application received: 食品经营许可"));
        Assert.That(mail.Body, Does.Contain(number).And.Contain(queryCode).And.Contain("Dear 张三"));

        Assert.That((await applicant.PutJsonAsync("/api/me/profile", new { byEmail = false })).Status, Is.EqualTo(HttpStatusCode.OK));
        await clerk.PostJsonAsync($"/api/cases/{id}/refuse", new { reason = "premises in a residential building" });
        Assert.That(await outbox.DeliverAsync(CancellationToken.None), Is.Zero, "e-mail turned off");
        Assert.That(smtp.Messages, Has.Count.EqualTo(1));
        await ToldOnceAsync(applicant, id, "CaseRefused");
    }
}
