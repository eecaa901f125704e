namespace Approval.Api.Cli;

/// <summary>
/// The commands workflow authors run without a server: <c>validate FILE...</c> and <c>run FILE [--input name=value]... [--resume …] [--advance …]</c>.
/// Anything else starts the web application.
/// </summary>
internal static class CommandLine
{
    /// <summary>Runs a command if the arguments name one; returns null to start the web application instead.</summary>
    /// <param name="configuration">The settings of the host's activity types (department systems); null: the server's (<see cref="CommandLineActivities"/>).</param>
    public static async Task<int?> TryRunAsync(string[] args, TextWriter output, TextWriter error, IConfiguration? configuration = null)
    {
        if (args.Length == 0)
            return null;
        return args[0] switch
        {
            "validate" => ValidateCommand.Run(args[1..], output, error, configuration),
            "run" => await RunCommand.RunAsync(args[1..], output, error, configuration),
            "help" or "--help" or "-h" => Help(output),
            _ => null,
        };
    }

    private static int Help(TextWriter output)
    {
        output.WriteLine("""
            Approval.Api — parallel administrative approval with electronic supervision.

            Usage:
              dotnet run --project Approval.Api                      start the web application (Swagger UI at /swagger)
              dotnet run --project Approval.Api -- validate FILE...  check workflow definitions; prints ok or each error
              dotnet run --project Approval.Api -- run FILE [MORE_FILES|FOLDER]... [--input name=value]... [--resume NAME|--all [--with name=value]...]... [--advance 3d]...
                                                                     run a definition in memory (the other files are the
                                                                     sub-workflows it may run); then resume its bookmarks and
                                                                     its children's and move its clock past its timers, in order
              dotnet run --project Approval.Api -- export-stages --from YYYY-MM-DD --to YYYY-MM-DD [--format json|csv]
                                                                     stage records for provincial platforms
              dotnet run --project Approval.Api -- seed-demo --cases N --days D [--seed S] [--batch N] [--workers N] [--snapshots true|false]
                                                                     fill the configured database with a generated history
              dotnet run --project Approval.Api -- audit verify      check the audit log's chain; exit 1 names the first broken entry
            """);
        return 0;
    }
}
