using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace Approval.Api.Hosting;

/// <summary>
/// Hangfire's logging through this application's loggers. Hangfire keeps one log provider for the whole process
/// (<c>LogProvider.SetCurrentLogProvider</c>, set by every application that configures it): with two applications in one
/// process (a second node in a test, test fixtures in parallel) the last one configured serves both, and once it is
/// disposed its logger factory throws on every new Hangfire object of the other. Then the other's object logs nothing
/// rather than failing its work (CI met it: a case step's background job client could not be made).
/// </summary>
internal sealed class HangfireLogs(ILoggerFactory loggers) : ILogProvider
{
    private readonly AspNetCoreLogProvider _loggers = new(loggers);

    public ILog GetLogger(string name)
    {
        try
        {
            return _loggers.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
