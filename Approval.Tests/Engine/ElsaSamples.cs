namespace Approval.Tests.Engine;

/// <summary>Finds <c>shared/elsa/samples</c> beside the repository (where CI and developers have it), or where
/// <c>APPROVAL_ELSA_SAMPLES</c> says.</summary>
internal static class ElsaSamples
{
    public static string? Directory
    {
        get
        {
            // A git worktree elsewhere than beside shared/ names the folder itself.
            if (Environment.GetEnvironmentVariable("APPROVAL_ELSA_SAMPLES") is { Length: > 0 } named)
                return System.IO.Directory.Exists(named) ? Path.GetFullPath(named) : null;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Approval.sln")))
                {
                    var samples = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "elsa", "samples"));
                    return System.IO.Directory.Exists(samples) ? samples : null;
                }
            }
            return null;
        }
    }

    public static string Path_(string file)
    {
        var dir = Directory;
        if (dir is null)
            Assert.Ignore("Elsa's sample definitions were not found at ../shared/elsa/samples beside the repository.");
        return Path.Combine(dir!, file);
    }
}
