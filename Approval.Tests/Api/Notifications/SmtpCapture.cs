using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Approval.Tests.Api.Notifications;

/// <summary>A message an SMTP client sent: the envelope, and the headers and body decoded.</summary>
internal sealed record CapturedMail(string From, IReadOnlyList<string> To, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// An SMTP server on 127.0.0.1 that speaks just enough of RFC 5321 (EHLO, MAIL, RCPT, DATA, QUIT) to capture what
/// System.Net.Mail sends it, one connection at a time.
/// </summary>
internal sealed partial class SmtpCapture : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();

    /// <param name="port">A port to listen on (one a test reserved earlier); any free one by default.</param>
    public SmtpCapture(int port = 0)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        _ = ServeAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>A free port nothing listens on: a server that cannot be reached, until a capture is started on it.</summary>
    public static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
    public ConcurrentQueue<CapturedMail> Messages { get; } = new();

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            using (client)
                await ConverseAsync(client.GetStream());
        }
    }

    private async Task ConverseAsync(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost capture");
        string from = "";
        var to = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250 localhost");
                    break;
                case "MAIL":
                    from = Address(line);
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    to.Add(Address(line));
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new List<string>();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        data.Add(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine);
                    Messages.Enqueue(Parse(from, [.. to], data));
                    to.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                case "RSET" or "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                default:
                    await writer.WriteLineAsync("502 Command not implemented");
                    break;
            }
        }
    }

    private static string Address(string line) => AngleAddress().Match(line).Groups[1].Value;

    private static CapturedMail Parse(string from, IReadOnlyList<string> to, List<string> data)
    {
        var blank = data.IndexOf("");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in data.Take(blank))
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && last is not null)
            {
                headers[last] += line.TrimStart();
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            last = line[..colon];
            headers[last] = line[(colon + 1)..].Trim();
        }
        var body = string.Concat(data.Skip(blank + 1));
        if (headers.TryGetValue("Content-Transfer-Encoding", out var encoding) && encoding.Equals("base64", StringComparison.OrdinalIgnoreCase))
            body = Encoding.UTF8.GetString(Convert.FromBase64String(body));
        return new CapturedMail(from, to, headers.ToDictionary(h => h.Key, h => DecodeWords(h.Value), StringComparer.OrdinalIgnoreCase), body);
    }

    // RFC 2047 encoded words, as System.Net.Mail writes UTF-8 headers.
    private static string DecodeWords(string value) =>
        EncodedWord().Replace(value, m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value)));

    [GeneratedRegex("<([^>]*)>")]
    private static partial Regex AngleAddress();

    [GeneratedRegex(@"=\?utf-8\?B\?([^?]*)\?=\s*", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
