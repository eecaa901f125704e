using Approval.Workflows.Attachments;

namespace Approval.Api.Pages.Shared;

/// <summary>
/// Where the pages serve a case's file (<c>Pages/Workbench/CaseFile</c>) and which files a browser may show in place:
/// images and PDFs; anything else (OFD, DOCX) is downloaded.
/// </summary>
public static class AttachmentLinks
{
    private static readonly HashSet<string> Previewable = new(StringComparer.OrdinalIgnoreCase) { "image/png", "image/jpeg", "application/pdf" };

    public static bool CanPreview(Attachment attachment) => Previewable.Contains(attachment.ContentType);

    public static bool IsImage(Attachment attachment) => attachment.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file shown in place (a previewable one) or downloaded.</summary>
    public static string View(string caseId, Attachment attachment) => $"/cases/{Uri.EscapeDataString(caseId)}/files/{Uri.EscapeDataString(attachment.Id)}";

    public static string Download(string caseId, Attachment attachment) => View(caseId, attachment) + "?download=true";
}
