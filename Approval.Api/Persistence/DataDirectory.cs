using Microsoft.Extensions.Hosting;

namespace Approval.Api.Persistence;

/// <summary>The folder for the application's files (the SQLite database among them): <c>Approval:DataDirectory</c>.</summary>
public static class DataDirectory
{
    public const string Key = "Approval:DataDirectory";

    /// <summary>
    /// Makes the configured folder (default <c>data</c>) absolute against <paramref name="workingDirectory"/>: the
    /// application reads its configuration from its build output, but <c>./data</c> means where it was started.
    /// </summary>
    public static void AnchorDataDirectory(this IConfigurationManager configuration, string workingDirectory)
    {
        var configured = configuration[Key];
        configuration[Key] = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured, workingDirectory);
    }

    /// <summary>The configured folder, or <c>data</c>, as a full path relative to the content root (else the current directory).</summary>
    public static string Resolve(IConfiguration configuration)
    {
        var root = configuration[HostDefaults.ContentRootKey] ?? Directory.GetCurrentDirectory();
        var configured = configuration[Key];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured, root);
    }
}
