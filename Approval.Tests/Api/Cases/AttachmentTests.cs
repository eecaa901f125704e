using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Api.Cases;

/// <summary>Files of a case: checked by size, type and content, stored outside the database by hash, read by who may read the case.</summary>
public class AttachmentTests
{
    private sealed class SmallFilesFactory : ApprovalApiFactoryBase
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Approval:Attachments:MaxBytes"] = "4096" };
    }

    private SmallFilesFactory _factory = null!;
    private HttpClient _applicant = null!;
    private string _caseId = null!;

    [SetUp]
    public async Task Start()
    {
        _factory = new SmallFilesFactory();
        _applicant = await _factory.CreateClientAsync("applicant");
        var submitted = await _applicant.PostAsJsonAsync("/api/cases", new
        {
            itemCode = "GT-DJ-001",
            applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三" },
            form = new { operatorId = "11010519491231002X", businessScope = "小吃", address = "云城区" },
        });
        _caseId = (await submitted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    [TearDown]
    public async Task Stop()
    {
        _applicant.Dispose();
        await _factory.DisposeAsync();
    }

    private static MultipartFormDataContent File(byte[] content, string name, string type)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { file, "file", name }, { new StringContent("identity"), "materialCode" } };
    }

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    [Test]
    public async Task A_pdf_is_stored_by_its_hash_and_comes_back_byte_for_byte()
    {
        var uploaded = await _applicant.PostAsync(new Uri($"/api/cases/{_caseId}/attachments", UriKind.Relative), File(Pdf, "身份证明.pdf", "application/pdf"));
        Assert.That(uploaded.StatusCode, Is.EqualTo(HttpStatusCode.Created), await uploaded.Content.ReadAsStringAsync());
        var attachment = (await uploaded.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.That(attachment["sha256"]!.GetValue<string>(), Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf))));

        var downloaded = await _applicant.GetByteArrayAsync(new Uri($"/api/cases/{_caseId}/attachments/{attachment["id"]!.GetValue<string>()}", UriKind.Relative));
        Assert.That(downloaded, Is.EqualTo(Pdf));
        var timeline = await _applicant.GetFromJsonAsync<JsonArray>($"/api/cases/{_caseId}/timeline");
        Assert.That(timeline!.Select(e => e!["action"]!.GetValue<string>()), Does.Contain("Attached"));
    }

    [TestCase("malware.pdf", "application/pdf", "MZ\u0090\0 this is an executable", "not a application/pdf file")]
    [TestCase("script.exe", "application/x-msdownload", "MZ", "not accepted")]
    [TestCase("photo.pdf", "image/png", "\u0089PNG", "extension does not match")]
    public async Task A_file_that_is_not_what_it_claims_or_not_accepted_is_refused_naming_the_field(string name, string type, string content, string reason)
    {
        var response = await _applicant.PostAsync(new Uri($"/api/cases/{_caseId}/attachments", UriKind.Relative), File(Encoding.Latin1.GetBytes(content), name, type));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.That(problem["errors"]!["file"]![0]!.GetValue<string>(), Does.Contain(reason));
    }

    [Test]
    public async Task A_file_over_the_size_limit_is_refused_and_nothing_is_kept()
    {
        var big = Pdf.Concat(new byte[5000]).ToArray();
        var response = await _applicant.PostAsync(new Uri($"/api/cases/{_caseId}/attachments", UriKind.Relative), File(big, "big.pdf", "application/pdf"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var folder = Path.Combine(_factory.DataDirectory, "attachments");
        Assert.That(Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [], Is.Empty);
    }

    [Test]
    public async Task Another_applicant_can_neither_attach_to_nor_read_the_case()
    {
        using var stranger = await _factory.CreateClientAsync("enterprise");
        var upload = await stranger.PostAsync(new Uri($"/api/cases/{_caseId}/attachments", UriKind.Relative), File(Pdf, "x.pdf", "application/pdf"));
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await stranger.GetAsync(new Uri($"/api/cases/{_caseId}/attachments", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
    [Test]
    public async Task A_name_with_a_path_nul_control_characters_and_five_thousand_characters_is_kept_and_served_sanitized()
    {
        var sent = "C:\\Users\\张三\\..\\" + "证\0明\u202e\r\n" + new string('x', 5_000) + ".pdf";
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        // filename* (RFC 5987) carries the NUL and the line break percent-encoded, as any client may send them.
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileNameStar = sent };
        content.Add(file);
        var uploaded = await _applicant.PostAsync(new Uri($"/api/cases/{_caseId}/attachments", UriKind.Relative), content);
        Assert.That(uploaded.StatusCode, Is.EqualTo(HttpStatusCode.Created), await uploaded.Content.ReadAsStringAsync());
        var attachment = (await uploaded.Content.ReadFromJsonAsync<JsonObject>())!;
        var name = attachment["fileName"]!.GetValue<string>();

        Assert.That(name, Does.StartWith("证明x").And.EndWith(".pdf"));
        Assert.That(name, Has.Length.EqualTo(Approval.Workflows.Inputs.TextLimits.FileName));
        Assert.That(name.Any(c => char.IsControl(c) || c is '\\' or '/' or '\u202e'), Is.False, name);

        var id = attachment["id"]!.GetValue<string>();
        using var download = await _applicant.GetAsync(new Uri($"/api/cases/{_caseId}/attachments/{id}", UriKind.Relative));
        Assert.That(download.Content.Headers.ContentDisposition?.FileNameStar, Is.EqualTo(name));
    }

    [Test]
    public async Task Files_no_case_refers_to_are_swept_after_a_day_and_the_sweep_runs_again_without_effect()
    {
        var uploaded = await _applicant.PostAsync(new Uri($"/api/cases/{_caseId}/attachments", UriKind.Relative), File(Pdf, "身份证明.pdf", "application/pdf"));
        Assert.That(uploaded.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var storage = _factory.Services.GetRequiredService<Approval.Api.Attachments.FileSystemAttachmentStorage>();
        // What a process killed between storing and saving leaves: stored content with no case, and a cut-short upload.
        var orphan = await storage.PutAsync(new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4 orphan")), 4096);
        var root = Path.Combine(_factory.DataDirectory, "attachments");
        var cutShort = Path.Combine(root, $".upload-{Guid.NewGuid():N}");
        await System.IO.File.WriteAllTextAsync(cutShort, "%PDF-1.4 half");
        var recent = await storage.PutAsync(new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4 uploading now")), 4096);
        // Two days before the application's clock (the factory pins it), which is what the sweep counts age by.
        var twoDaysAgo = (_factory.Services.GetRequiredService<TimeProvider>().GetUtcNow() - TimeSpan.FromDays(2)).UtcDateTime;
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(p => !p.EndsWith(recent!.Value.Sha256[2..], StringComparison.Ordinal)))
            System.IO.File.SetLastWriteTimeUtc(path, twoDaysAgo);

        var sweep = _factory.Services.GetRequiredService<Approval.Api.Attachments.OrphanedAttachmentSweep>();
        Assert.That(await sweep.RunAsync(CancellationToken.None), Is.EqualTo(2));
        Assert.That(await sweep.RunAsync(CancellationToken.None), Is.Zero);

        Assert.That(await storage.OpenAsync(orphan!.Value.Sha256), Is.Null);
        Assert.That(System.IO.File.Exists(cutShort), Is.False);
        await using (var kept = await storage.OpenAsync(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf))))
            Assert.That(kept, Is.Not.Null, "a file a case refers to stays");
        await using (var young = await storage.OpenAsync(recent!.Value.Sha256))
            Assert.That(young, Is.Not.Null, "a file younger than a day stays: its upload may be under way");
    }
}
