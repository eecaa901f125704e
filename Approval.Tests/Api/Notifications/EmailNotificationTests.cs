using Approval.Api.Identity;
using Approval.Api.Notifications;
using Approval.Api.Persistence;
using Approval.Tests.Persistence;
using Approval.Workflows.Cases;
using Approval.Workflows.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Approval.Tests.Api.Notifications;

/// <summary>
/// The e-mail outbox: notifications committed in a unit of work are in every recipient's inbox at once, and e-mailed
/// afterwards, once, to those with an address, by a delivery that may run any number of times, fail and retry.
/// </summary>
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

        await services.CommitAsync(To("tax-head"), To("tax-reviewer"));
        Assert.That(await services.Inbox.UnreadCountAsync("tax-head"), Is.EqualTo(1), "in the inbox as soon as committed, before any e-mail");
        Assert.That(await services.Inbox.UnreadCountAsync("tax-reviewer"), Is.EqualTo(1));

        Assert.That(await services.Outbox.DeliverAsync(CancellationToken.None), Is.EqualTo(1));
        var mail = smtp.Messages.Single();
        Assert.That(mail.From, Is.EqualTo("approval@service-center.example"));
        Assert.That(mail.To, Is.EqualTo(new[] { "tax-head@approval.example" }), "tax-reviewer has no address: inbox only");
        Assert.That(mail.Headers["Subject"], Is.EqualTo(To("tax-head").Title));
        Assert.That(mail.Body, Is.EqualTo(To("tax-head").Body));
        Assert.That(mail.Headers["X-Approval-Case"], Is.EqualTo("SL20261124000001"));
        var rows = await services.RowsAsync();
        Assert.That(rows.Select(r => (r.Recipient, r.EmailDueAt, r.EmailSentAt)), Is.EquivalentTo(new (string, DateTimeOffset?, DateTimeOffset?)[]
        {
            ("tax-head", null, Now), ("tax-reviewer", null, null),
        }), "nothing left due: sent, or no address to send to");
    }

    [Test]
    public async Task Delivery_run_twice_or_at_the_same_time_sends_each_message_once()
    {
        using var smtp = new SmtpCapture();
        await using var services = await NotifierServices.StartAsync(smtp.Port);
        await services.GiveAddressAsync("tax-head", "tax-head@approval.example");
        await services.GiveAddressAsync("supervisor", "supervisor@approval.example");
        await services.CommitAsync(To("tax-head"), To("supervisor"));

        var together = await Task.WhenAll(services.Outbox.DeliverAsync(CancellationToken.None), services.NewOutbox().DeliverAsync(CancellationToken.None));
        var again = await services.Outbox.DeliverAsync(CancellationToken.None);

        Assert.That(together.Sum() + again, Is.EqualTo(2));
        Assert.That(smtp.Messages.SelectMany(m => m.To), Is.EquivalentTo(new[] { "tax-head@approval.example", "supervisor@approval.example" }));
        Assert.That((await services.RowsAsync()).Select(r => r.EmailAttempts), Is.All.EqualTo(1), "each row claimed once");
    }

    [Test]
    public async Task A_server_that_cannot_be_reached_leaves_the_message_due_and_a_later_delivery_sends_it()
    {
        var port = SmtpCapture.ClosedPort();
        await using var services = await NotifierServices.StartAsync(port);
        await services.GiveAddressAsync("tax-head", "tax-head@approval.example");
        await services.CommitAsync(To("tax-head"));

        Assert.That(await services.Outbox.DeliverAsync(CancellationToken.None), Is.Zero);
        var failed = (await services.RowsAsync()).Single();
        Assert.That((failed.EmailAttempts, failed.EmailSentAt, failed.EmailDueAt), Is.EqualTo((1, (DateTimeOffset?)null, (DateTimeOffset?)Now.AddMinutes(1))),
            "retried a minute later; the inbox has it meanwhile");
        Assert.That(await services.Outbox.DeliverAsync(CancellationToken.None), Is.Zero, "not due again yet");

        using var smtp = new SmtpCapture(port);
        services.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That(await services.Outbox.DeliverAsync(CancellationToken.None), Is.EqualTo(1));
        Assert.That(smtp.Messages.Single().To, Is.EqualTo(new[] { "tax-head@approval.example" }));
        Assert.That((await services.RowsAsync()).Single().EmailSentAt, Is.EqualTo(Now.AddMinutes(1)));
    }

    [Test]
    public async Task Without_a_host_no_e_mail_is_sent_and_nothing_stays_due()
    {
        await using var services = await NotifierServices.StartAsync(null);
        await services.GiveAddressAsync("tax-head", "tax-head@approval.example");
        await services.CommitAsync(To("tax-head"));

        Assert.That(await services.Outbox.DeliverAsync(CancellationToken.None), Is.Zero);

        var row = (await services.RowsAsync()).Single();
        Assert.That((row.EmailDueAt, row.EmailSentAt, row.ReadAt), Is.EqualTo(((DateTimeOffset?)null, (DateTimeOffset?)null, (DateTimeOffset?)null)),
            "e-mail was off when it was committed: switching it on later does not send old news");
    }

    /// <summary>Persistence and notifications on a fresh SQLite database with the demo users, SMTP on a local port (or off).</summary>
    private sealed class NotifierServices(TestDatabase database, ServiceProvider services) : IAsyncDisposable
    {
        public NotificationInbox Inbox => services.GetRequiredService<NotificationInbox>();
        public EmailOutbox Outbox { get; } = services.GetRequiredService<EmailOutbox>();
        public FakeTimeProvider Clock => (FakeTimeProvider)services.GetRequiredService<TimeProvider>();

        /// <summary>A second delivery, as another Hangfire worker would run it.</summary>
        public EmailOutbox NewOutbox() => services.GetRequiredService<EmailOutbox>();

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
                .AddSingleton(new Approval.Workflows.Calendar.DueInstantCalculator(new Approval.Workflows.Calendar.CalendarSource(Approval.Workflows.Calendar.WorkingDayCalendar.Official), new Approval.Workflows.Calendar.BusinessHours()))
                .AddSingleton<EfUserStore>()
                .BuildServiceProvider();
            await services.GetRequiredService<EfUserStore>().SaveAsync(DemoUsers.All.Select(u => new UserAccount(u, "-")));
            return new NotifierServices(database, services);
        }

        /// <summary>Notifications committed in a unit of work, as a step's would be.</summary>
        public async Task CommitAsync(params Notification[] notifications)
        {
            await using var session = await services.GetRequiredService<ICaseSessions>().OpenAsync();
            session.Notify(notifications);
            await session.CommitAsync();
        }

        public async Task<List<NotificationRecord>> RowsAsync()
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>().CreateDbContextAsync();
            return await db.Notifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
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
