using Microsoft.Extensions.Hosting;

namespace Approval.Api.Persistence;

/// <summary>The folder for the application's files (the SQLite database among them): <c>Approval:DataDirectory</c>.</summary>
public static class DataDirectory
{
    public const string Key = "Approval:DataDirectory";

    /// <summary>The configured folder, or <c>data</c>, as a full path relative to the content root (else the current directory).</summary>
    public static string Resolve(IConfiguration configuration)
    {
        var root = configuration[HostDefaults.ContentRootKey] ?? Directory.GetCurrentDirectory();
        var configured = configuration[Key];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured, root);
    }
}
