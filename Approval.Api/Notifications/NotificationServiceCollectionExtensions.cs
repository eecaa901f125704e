using Approval.Api.Notifications.Feedback;
using Approval.Api.Notifications.Sms;
using Approval.Workflows.Notifications;
using Approval.Workflows.Notifications.Feedback;
using Microsoft.Extensions.Options;

namespace Approval.Api.Notifications;

/// <summary>
/// Wires notifications: recipients from the Users table, the in-app inbox (rows written in the unit of work of the change
/// they tell of), and their e-mail copies over <c>Approval:Smtp</c> and SMS copies over <c>Approval:Sms</c> from the outboxes,
/// woken through Hangfire; result feedback to applicants (templates, contact profiles).
/// </summary>
public static class NotificationServiceCollectionExtensions
{
    public static IServiceCollection AddApprovalNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.AddSingleton<IStaffDirectory, EfStaffDirectory>();
        services.AddSingleton<WarningNotices>();
        services.AddSingleton<SupervisionNotices>();
        services.AddSingleton<NotificationInbox>();
        services.AddSingleton<SmtpEmailSender>();
        services.AddTransient<EmailChannel>();
        services.AddTransient<EmailOutbox>();
        services.AddSingleton<INotificationOutbox, HangfireNotificationOutbox>();
        // Elsa.SendEmail: a process's e-mail, staged by its step and written to this outbox with the step's commit.
        services.AddSingleton(new HostActivityTypes(_ => [new SendEmailActivity()]));
        services.AddTransient<NotificationWakeUp>();

        services.Configure<FeedbackOptions>(configuration.GetSection(FeedbackOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<FeedbackOptions>>().Value);
        services.AddSingleton<IApplicantContacts, EfApplicantContacts>();
        services.AddSingleton(sp => new EfNotificationTemplates(sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Persistence.ApprovalDbContext>>(),
            sp.GetRequiredService<TimeProvider>(), configuration.GetValue("Approval:Feedback:TemplatesMaxAge", EfNotificationTemplates.DefaultMaxAge)));
        services.AddSingleton<INotificationTemplates>(sp => sp.GetRequiredService<EfNotificationTemplates>());
        services.AddSingleton<ApplicantNotices>();
        services.AddSingleton<ContactProfiles>();

        services.AddOptions<SmsOptions>().Bind(configuration.GetSection(SmsOptions.Section))
            .Validate(o => o.Sender != SmsSenderKind.Http || Uri.TryCreate(o.Http.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https",
                "Approval:Sms:Http:Url must be an absolute http(s) URL when Approval:Sms:Sender is Http")
            .Validate(o => o.MaxAttempts >= 1, "Approval:Sms:MaxAttempts must be at least 1")
            .ValidateOnStart();
        services.AddHttpClient<HttpSmsGateway>();
        services.AddTransient<ISmsSender>(sp => sp.GetRequiredService<IOptions<SmsOptions>>().Value.Sender == SmsSenderKind.Http
            ? sp.GetRequiredService<HttpSmsGateway>()
            : new FileSmsSender(Path.Combine(Persistence.DataDirectory.Resolve(sp.GetRequiredService<IConfiguration>()), sp.GetRequiredService<IOptions<SmsOptions>>().Value.Directory),
                sp.GetRequiredService<ILogger<FileSmsSender>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddTransient<SmsChannel>();
        services.AddTransient<SmsOutbox>();
        return services;
    }
}
