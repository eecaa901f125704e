using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

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
}
