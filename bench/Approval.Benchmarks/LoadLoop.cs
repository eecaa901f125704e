using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Approval.Benchmarks;

/// <summary>
/// N callers, each sending one request after another on a shared client (at most N connections) until the time is up:
/// every answer's time from send to the last byte of its body, and every answer that is not 2xx (or no answer) by status.
/// </summary>
internal sealed class LoadLoop(HttpClient http, Func<HttpRequestMessage> next, int callers, ConcurrentBag<(string Number, string QueryCode)>? receipts)
{
    public async Task<MixFigures> RunAsync(TimeSpan duration)
    {
        var failures = new ConcurrentDictionary<string, int>();
        var started = Stopwatch.GetTimestamp();
        var until = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perCaller = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(() => CallAsync(until, failures))));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var times = perCaller.SelectMany(c => c.Times).Order().ToArray();
        return new MixFigures("", perCaller.Sum(c => c.Succeeded), seconds, times, new Dictionary<string, int>(failures), "", "");
    }

    private async Task<(List<double> Times, int Succeeded)> CallAsync(long until, ConcurrentDictionary<string, int> failures)
    {
        var times = new List<double>(4096);
        var succeeded = 0;
        while (Stopwatch.GetTimestamp() < until)
        {
            using var request = next();
            var sent = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                times.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (response.IsSuccessStatusCode)
                {
                    succeeded++;
                    if (receipts is not null && (int)response.StatusCode == 201)
                        receipts.Add(ReceiptOf(JsonNode.Parse(body)!));
                }
                else
                    failures.AddOrUpdate(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                times.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                failures.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
            }
        }
        return (times, succeeded);
    }

    /// <summary>What the receipt of a submission prints for the applicant: the case number and its query code.</summary>
    public static (string Number, string QueryCode) ReceiptOf(JsonNode @case) =>
        (@case["number"]!.GetValue<string>(), @case["queryCode"]!.GetValue<string>());
}

/// <summary>One mix's figures: successful answers per second, latency percentiles (nearest rank) over every answer, the rest by status.</summary>
internal sealed record MixFigures(string Mix, int Succeeded, double Seconds, double[] SortedMilliseconds, IReadOnlyDictionary<string, int> Failures,
    string LoadBefore, string LoadAfter)
{
    /// <summary>The application's processor time over the measured requests, in milliseconds per request (NaN when not measured).</summary>
    public double CpuPerRequest { get; init; } = double.NaN;

    public double PerSecond => Succeeded / Seconds;

    public double Percentile(int percent) => SortedMilliseconds.Length == 0 ? double.NaN
        : SortedMilliseconds[Math.Max(0, (int)Math.Ceiling(percent / 100.0 * SortedMilliseconds.Length) - 1)];

    private string NotOk => Failures.Count == 0 ? "none" : string.Join(", ", Failures.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} ×{f.Value}"));

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"{Mix}: {Succeeded:N0} in {Seconds:N1} s = {PerSecond:N0}/s; p50 {Percentile(50):N1} ms, p95 {Percentile(95):N1}, p99 {Percentile(99):N1}, max {(SortedMilliseconds.Length == 0 ? double.NaN : SortedMilliseconds[^1]):N1}; app CPU {CpuPerRequest:N2} ms a request; not 2xx: {NotOk}; load {LoadBefore} → {LoadAfter}");

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Mix} | {PerSecond:N0} | {Percentile(50):N1} | {Percentile(95):N1} | {Percentile(99):N1} | {(SortedMilliseconds.Length == 0 ? double.NaN : SortedMilliseconds[^1]):N1} | {CpuPerRequest:N2} | {NotOk} | {LoadBefore} → {LoadAfter} |");
}
