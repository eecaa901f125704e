using System.Diagnostics;
using System.Net;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using Approval.Tests.Pages;

namespace Approval.Tests.Api.Seal;

/// <summary>
/// What a reader of a sealed document sees: each kind's first page rendered to PNG by poppler (<c>pdftoppm</c>, Debian's
/// poppler-utils, which .ci/run installs) into artifacts/screenshots, and read back as text by <c>pdftotext</c>: the CJK
/// text is real text (copied and searched as Chinese), and the page's parts stay on the page, apart.
/// </summary>
public sealed class SealedDocumentRenderingTests
{
    private CaseApiFactory? _factory;

    [TearDown]
    public async Task Stop()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    private static string Tool(string name)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':'))
        {
            if (File.Exists(Path.Combine(folder, name)))
                return Path.Combine(folder, name);
        }
        Assert.Ignore($"{name} is not installed (Debian: apt-get install poppler-utils, as .ci/run does): the sealed documents were not rendered");
        return name;
    }

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(Tool(tool)) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, $"{tool}: {error}");
        return await output;
    }

    /// <summary>The words of the first page with their boxes (pdftotext -bbox), in points from the top left.</summary>
    private static async Task<List<(string Word, double XMin, double YMin, double XMax, double YMax)>> WordsAsync(string pdf)
    {
        var html = await RunAsync("pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-");
        return [.. System.Text.RegularExpressions.Regex.Matches(html, "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>")
            .Select(m => (System.Net.WebUtility.HtmlDecode(m.Groups[5].Value), D(m.Groups[1].Value), D(m.Groups[2].Value), D(m.Groups[3].Value), D(m.Groups[4].Value)))];
        static double D(string text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Test]
    public async Task Each_sealed_document_renders_as_Chinese_text_on_an_A4_page_with_its_QR_code_and_seal_apart()
    {
        Tool("pdftoppm");
        _factory = await CaseApiFactory.StartAsync(DatabaseProvider.Sqlite, "2026-11-24T09:00:00");
        using var applicant = await _factory.CreateClientAsync("applicant");
        using var clerk = await _factory.CreateClientAsync("clerk");
        using var head = await _factory.CreateClientAsync("samr-head");
        var documents = new List<(string Kind, string Number, byte[] Pdf)>();
        foreach (var (verdict, reason) in new[] { ("Approve", (string?)null), ("Refuse", "经营场所位于居民住宅楼内，不符合规划用途，且未提交业主同意证明") })
        {
            var (id, number, _) = await applicant.SubmitAsync(new
            {
                itemCode = "GT-DJ-001",
                applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三", phone = "13800000000" },
                form = new { businessName = "张三小吃店", operatorId = "11010519491231002X", businessScope = "小吃服务", address = "云浮市云城区兴云西路8号" },
            });
            Assert.That((await clerk.PostJsonAsync($"/api/cases/{id}/accept")).Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await head.PostJsonAsync($"/api/cases/{id}/decision", new { verdict, reason })).Status, Is.EqualTo(HttpStatusCode.OK));
            foreach (var document in (await clerk.GetJsonAsync($"/api/cases/{id}/documents")).Body!.AsArray())
                documents.Add((document!["kind"]!.GetValue<string>(), number,
                    await clerk.GetByteArrayAsync(new Uri(document["downloadUrl"]!.GetValue<string>(), UriKind.Relative))));
        }
        Assert.That(documents.Select(d => d.Kind), Is.EqualTo(new[] { "GrantDecision", "Licence", "RefusalDecision" }));

        var folder = Path.Combine(Path.GetTempPath(), "approval-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Directory.CreateDirectory(PageSteps.ScreenshotFolder);
        try
        {
            foreach (var (kind, number, bytes) in documents)
            {
                var pdf = Path.Combine(folder, $"{kind}.pdf");
                await File.WriteAllBytesAsync(pdf, bytes);
                var png = Path.Combine(PageSteps.ScreenshotFolder, $"SealedDocument-{kind}");
                await RunAsync("pdftoppm", "-png", "-r", "96", "-f", "1", "-l", "1", "-singlefile", pdf, png);
                Assert.That(new FileInfo(png + ".png").Length, Is.GreaterThan(10_000), $"{kind}: a rendered page");

                var text = await RunAsync("pdftotext", "-layout", "-f", "1", "-l", "1", pdf, "-");
                var title = kind switch { "GrantDecision" => "准予行政许可决定书", "RefusalDecision" => "不予行政许可决定书", _ => "营业执照" };
                Assert.That(text, Does.Contain(title).And.Contain("张三").And.Contain("市场监督管理局").And.Contain(number), $"{kind}: the CJK text is text");
                Assert.That(text, Does.Contain("110105********002X").And.Not.Contain("11010519491231002X"), $"{kind}: the ID masked");
                var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
                Assert.That(lines.Where(l => "，。、；：！？）》".Contains(l[0], StringComparison.Ordinal) || "（《".Contains(l[^1], StringComparison.Ordinal)), Is.Empty,
                    $"{kind}: no line begins with a closing mark or ends with an opening one (避头尾)");

                var words = await WordsAsync(pdf);
                var (width, height) = (595.0, 842.0);
                Assert.That(words.Where(w => w.XMin < 0 || w.XMax > width || w.YMin < 0 || w.YMax > height).Select(w => w.Word), Is.Empty, $"{kind}: every word on the A4 page");
                var department = words.Last(w => w.Word.Contains("市场监督管理局", StringComparison.Ordinal));
                var verifyUrl = words.Single(w => w.Word.Contains("/verify?case=", StringComparison.Ordinal));
                Assert.That(verifyUrl.YMin, Is.GreaterThan(department.YMax + 40), $"{kind}: the QR code's link below the department's seal, not over it");
                var body = words.Where(w => w.YMin > department.YMin - 200 && w.YMax < department.YMin - 4).ToList();
                Assert.That(body.Where(w => w.XMax > width - 64 + 1), Is.Empty, $"{kind}: the paragraphs keep the right margin");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
