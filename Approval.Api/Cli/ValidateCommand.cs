using Approval.Engine.Definitions;

namespace Approval.Api.Cli;

/// <summary><c>validate FILE...</c>: prints, per file, <c>ok</c> or each error; exits 1 when any file is refused.</summary>
internal static class ValidateCommand
{
    public static int Run(string[] files, TextWriter output, TextWriter error, IConfiguration? configuration = null)
    {
        if (files.Length == 0)
        {
            error.WriteLine("usage: validate FILE...");
            return 2;
        }
        using var activities = new CommandLineActivities(configuration);
        var reader = new WorkflowDefinitionReader(activities.Registry);
        var refused = 0;
        foreach (var file in files)
        {
            var read = reader.ReadFile(file);
            if (read.Succeeded)
            {
                output.WriteLine($"{file}: ok");
                continue;
            }
            refused++;
            foreach (var problem in read.Errors)
                output.WriteLine(problem with { Source = file });
        }
        return refused == 0 ? 0 : 1;
    }
}
