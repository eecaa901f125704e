using Approval.Workflows.Attachments;
using Approval.Workflows.Inputs;

namespace Approval.Tests.Workflows.Attachments;

/// <summary>The name an attachment is kept and served under: no path, no control characters, bounded, never empty.</summary>
public class AttachmentNameTests
{
    [TestCase(@"C:\Users\张三\Desktop\营业执照.pdf", "营业执照.pdf")]
    [TestCase("../../etc/passwd.pdf", "passwd.pdf")]
    [TestCase("证\0明\r\n.pdf", "证明.pdf")]
    [TestCase("invoice\u202Efdp.exe.pdf", "invoicefdp.exe.pdf")]
    [TestCase("   .pdf", "attachment.pdf")]
    [TestCase("", "attachment")]
    [TestCase("a\"b<c>|d?.png", "abcd.png")]
    public void A_sent_name_is_kept_without_path_or_control_characters(string sent, string kept) =>
        Assert.That(AttachmentName.Sanitize(sent), Is.EqualTo(kept));

    [Test]
    public void A_long_name_is_cut_to_the_limit_keeping_its_extension()
    {
        var name = AttachmentName.Sanitize(new string('长', 5_000) + ".pdf");
        Assert.That(name, Has.Length.EqualTo(TextLimits.FileName).And.EndWith(".pdf"));
    }

    [Test]
    public void The_timeline_line_of_an_attachment_names_its_hash()
    {
        var hash = new string('a', 64);
        Assert.That(AttachmentName.HashInTimeline($"营业执照.pdf (12 bytes, sha256 {hash})"), Is.EqualTo(hash));
        Assert.That(AttachmentName.HashInTimeline("no hash here"), Is.Null);
    }
}
