using System.Net;
using System.Net.Sockets;
using Approval.Api.Identity;
using Approval.Api.Notifications;
using Approval.Api.Persistence;
using Approval.Tests.Persistence;
using Approval.Workflows.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Approval.Tests.Api.Notifications;

/// <summary>The notifier: always the inbox, and an e-mail over SMTP to those with an address when a server is configured.</summary>
public class EmailNotificationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);

    private static Notification To(string recipient) =>
        new(recipient, NotificationKind.WarningRaised, "case-1", "SL20261124000001", "tax 审查任务 红牌超时：办件 SL20261124000001（tax review task red card, overdue: case SL20261124000001）",
            "tax 对办件 SL20261124000001 的审查任务已超过办理时限。（The tax review task of case SL20261124000001 is past its limit.）", Now);

    [Test]
    public async Task Each_recipient_with_an_address_gets_one_e_mail_in_utf_8_and_every_recipient_an_inbox_entry()
    {
        using var smtp = new SmtpCapture();
        await using var services = await NotifierServices.StartAsync(smtp.Port);
        await services.GiveAddressAsync("tax-head", "tax-head@approval.example");

        await services.Notifier.SendAsync([To("tax-head"), To("tax-reviewer")]);

        var mail = smtp.Messages.Single();
        Assert.That(mail.From, Is.EqualTo("approval@service-center.example"));
        Assert.That(mail.To, Is.EqualTo(new[] { "tax-head@approval.example" }), "tax-reviewer has no address: inbox only");
        Assert.That(mail.Headers["Subject"], Is.EqualTo(To("tax-head").Title));
        Assert.That(mail.Body, Is.EqualTo(To("tax-head").Body));
        Assert.That(mail.Headers["X-Approval-Case"], Is.EqualTo("SL20261124000001"));
        Assert.That(await services.Inbox.UnreadCountAsync("tax-head"), Is.EqualTo(1));
        Assert.That(await services.Inbox.UnreadCountAsync("tax-reviewer"), Is.EqualTo(1));
    }

    [Test]
    public async Task An_smtp_server_that_cannot_be_reached_fails_nothing_and_the_inbox_keeps_the_notification()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        await using var services = await NotifierServices.StartAsync(port);
        await services.GiveAddressAsync("tax-head", "tax-head@approval.example");

        Assert.DoesNotThrowAsync(() => services.Notifier.SendAsync([To("tax-head")]));

        Assert.That(await services.Inbox.UnreadCountAsync("tax-head"), Is.EqualTo(1));
    }

    [Test]
    public async Task Without_a_host_no_e_mail_is_sent()
    {
        await using var services = await NotifierServices.StartAsync(null);
        await services.GiveAddressAsync("tax-head", "tax-head@approval.example");

        Assert.That(await services.Email.SendAsync([To("tax-head")]), Is.Zero);
    }

    /// <summary>Persistence and notifications on a fresh SQLite database with the demo users, SMTP on a local port (or off).</summary>
    private sealed class NotifierServices(TestDatabase database, ServiceProvider services) : IAsyncDisposable
    {
        public INotifier Notifier => services.GetRequiredService<INotifier>();
        public NotificationInbox Inbox => services.GetRequiredService<NotificationInbox>();
        public SmtpEmailSender Email => services.GetRequiredService<SmtpEmailSender>();

        public static async Task<NotifierServices> StartAsync(int? smtpPort)
        {
            var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            var settings = new Dictionary<string, string?>(database.SettingsForTests)
            {
                ["Approval:Smtp:Host"] = smtpPort is null ? "" : "127.0.0.1",
                ["Approval:Smtp:Port"] = smtpPort?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Approval:Smtp:From"] = "approval@service-center.example",
                ["Approval:Smtp:Timeout"] = "00:00:05",
            };
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            var services = new ServiceCollection()
                .AddSingleton<IConfiguration>(configuration)
                .AddSingleton<TimeProvider>(new FakeTimeProvider(Now))
                .AddLogging()
                .AddApprovalPersistence(configuration)
                .AddApprovalNotifications(configuration)
                .AddSingleton<EfUserStore>()
                .BuildServiceProvider();
            await services.GetRequiredService<EfUserStore>().SaveAsync(DemoUsers.All.Select(u => new UserAccount(u, "-")));
            return new NotifierServices(database, services);
        }

        public async Task GiveAddressAsync(string userName, string email)
        {
            var users = services.GetRequiredService<EfUserStore>();
            var account = (await users.FindByUserNameAsync(userName))!;
            await users.SaveAsync(account with { User = account.User with { Email = email } });
        }

        public async ValueTask DisposeAsync()
        {
            await services.DisposeAsync();
            await database.DisposeAsync();
        }
    }
}
