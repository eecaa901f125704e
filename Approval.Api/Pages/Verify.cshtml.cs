using Approval.Api.Seal;
using Approval.Workflows.Seal;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Approval.Api.Pages;

/// <summary>
/// 电子签章验证 for anyone, without signing in: the QR code's link (case number and document id) or an uploaded file, with
/// its signature or alone. It shows what <c>/api/verify</c> answers, and nothing of the case beyond its number.
/// </summary>
[AllowAnonymous]
public sealed class VerifyModel(DocumentVerification verification, IStringLocalizer<Localization.UiText> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "case")]
    public string? CaseNumber { get; set; }

    [BindProperty(SupportsGet = true, Name = "doc")]
    public string? DocumentId { get; set; }

    public bool Asked { get; private set; }
    public SealVerification? Result { get; private set; }
    public string? ErrorText { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(CaseNumber) && string.IsNullOrWhiteSpace(DocumentId))
            return;
        Asked = true;
        Result = await verification.OfStoredAsync(CaseNumber, DocumentId, cancellationToken);
    }

    public async Task OnPostAsync(IFormFile? file, IFormFile? signature, CancellationToken cancellationToken)
    {
        Asked = true;
        if (file is null || file.Length == 0 || file.Length > DocumentVerification.MaxFileBytes || signature?.Length > DocumentVerification.MaxFileBytes)
        {
            ErrorText = text["Verify.FileRequired"].Value;
            return;
        }
        var bytes = await ReadAsync(file, cancellationToken);
        var envelope = signature is { Length: > 0 } ? System.Text.Encoding.UTF8.GetString(await ReadAsync(signature, cancellationToken)) : null;
        var (verified, problem) = await verification.OfUploadAsync(bytes, envelope, cancellationToken);
        Result = verified;
        ErrorText = problem is null ? null : text["Verify.SignatureUnreadable"].Value;
    }

    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
