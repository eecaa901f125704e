using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Approval.Api.Pages.Shared;
using Approval.Workflows.Attachments;
using Approval.Workflows.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace Approval.Api.Pages.Workbench;

/// <summary>
/// A file of a case for the pages: an image or a PDF shown in place (inline, with its recorded type and
/// <c>X-Content-Type-Options: nosniff</c>, so a browser never guesses another type from the bytes), anything else or
/// <c>?download=true</c> as a download. Only to those who see the case (<see cref="CaseReading"/>: the applicant their own,
/// the departments theirs, the window and supervisors all); anybody else gets the 403 page, as on the case page.
/// </summary>
public sealed class CaseFileModel(ICaseSessions sessions, CaseFiles files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string caseId, string attachmentId, bool download, CancellationToken cancellationToken)
    {
        Case? @case;
        await using (var session = await sessions.OpenAsync(cancellationToken))
            @case = await session.FindAsync(caseId, cancellationToken);
        if (@case is null)
            return NotFound();
        if (!CaseReading.CanRead(User.ToUser()!, @case))
            return StatusCode(StatusCodes.Status403Forbidden);
        var attachment = @case.Attachments.FirstOrDefault(a => a.Id == attachmentId);
        if (attachment is null || await files.OpenAsync(attachment, cancellationToken) is not { } stream)
            return NotFound();
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        // The file is the person's to read, not a shared cache's.
        Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        var name = AttachmentName.Sanitize(attachment.FileName);
        if (download || !AttachmentLinks.CanPreview(attachment))
            return File(stream, attachment.ContentType, name);
        Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("inline") { FileNameStar = name }.ToString();
        return File(stream, attachment.ContentType);
    }
}
