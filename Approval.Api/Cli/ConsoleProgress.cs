using System.Diagnostics;
using System.Globalization;

namespace Approval.Api.Cli;

/// <summary>
/// Progress of a long command: on a terminal a bar redrawn in place (done / total, rate, time left); when the output is
/// redirected to a file or a pipe, a plain line every <see cref="LineInterval"/> instead, so logs stay readable.
/// </summary>
internal sealed class ConsoleProgress(TextWriter output, bool interactive, int total, string unit)
{
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(10);
    private const int BarWidth = 30;

    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private TimeSpan? _shown;

    /// <summary>The console when it is a terminal (a bar), else the writer given (lines).</summary>
    public static ConsoleProgress For(TextWriter output, int total, string unit) =>
        new(output, ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected, total, unit);

    public TimeSpan Elapsed => _elapsed.Elapsed;

    public void Report(int done)
    {
        var now = _elapsed.Elapsed;
        var last = done >= total;
        if (!last && _shown is { } shown && now - shown < (interactive ? RedrawInterval : LineInterval))
            return;
        _shown = now;
        var rate = now.TotalSeconds > 0 ? done / now.TotalSeconds : 0;
        var left = rate > 0 ? TimeSpan.FromSeconds((total - done) / rate) : (TimeSpan?)null;
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"{done,12:N0} / {total:N0} {unit}  {rate,8:N0}/s  {(last ? "took " + Clock(now) : "ETA " + (left is { } l ? Clock(l) : "?"))}");
        if (interactive)
        {
            var filled = total == 0 ? BarWidth : (int)((long)done * BarWidth / total);
            output.Write($"\r[{new string('#', filled)}{new string('.', BarWidth - filled)}] {figures}   ");
            if (last)
                output.WriteLine();
        }
        else
        {
            output.WriteLine(figures.Trim());
        }
        output.Flush();
    }

    private static string Clock(TimeSpan span) => span.TotalHours >= 1
        ? span.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : span.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
