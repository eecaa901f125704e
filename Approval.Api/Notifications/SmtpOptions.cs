namespace Approval.Api.Notifications;

/// <summary>The SMTP server notifications are e-mailed through (<c>Approval:Smtp</c>); e-mail is off while <see cref="Host"/> is empty.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Approval:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "approval@localhost";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool EnableSsl { get; set; }
    /// <summary>How long one message may take to send.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How many times a message is tried before the outbox gives it up (the inbox keeps it).</summary>
    public int MaxAttempts { get; set; } = 10;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Host);
}
