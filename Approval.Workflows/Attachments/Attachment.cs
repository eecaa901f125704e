using Approval.Workflows.Refusals;

namespace Approval.Workflows.Attachments;

/// <summary>A file attached to a case (a scanned material): kept outside the database, known here by its content hash.</summary>
public sealed record Attachment(
    string Id,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    string? MaterialCode,
    string UploadedBy,
    DateTimeOffset UploadedAt);

/// <summary>What may be attached: size and types. Bound from <c>Approval:Attachments</c>.</summary>
public sealed class AttachmentRules
{
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    public int MaxPerCase { get; set; } = 50;

    /// <summary>Content types accepted, with the file extensions that go with them.</summary>
    public Dictionary<string, string[]> Types { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = [".pdf"],
        ["image/jpeg"] = [".jpg", ".jpeg"],
        ["image/png"] = [".png"],
        ["application/ofd"] = [".ofd"],
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = [".docx"],
    };

    /// <summary>Why a file may not be attached, or null.</summary>
    public Refusal? Problem(string fileName, string contentType, long size)
    {
        if (size <= 0)
            return Refusal.Of(RefusalCode.FileEmpty, $"the file is empty");
        if (size > MaxBytes)
            return Refusal.Of(RefusalCode.FileTooLarge, $"the file is larger than {MaxBytes / (1024 * 1024)} MB");
        if (!Types.TryGetValue(contentType, out var extensions))
            return Refusal.Of(RefusalCode.FileTypeNotAccepted, $"files of type {contentType} are not accepted (PDF, JPEG, PNG, OFD, DOCX are)");
        if (!extensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase))
            return Refusal.Of(RefusalCode.FileExtensionMismatch, $"the file name's extension does not match its type {contentType}");
        return null;
    }

    /// <summary>Whether the content's first bytes are what its type says (a renamed executable is not a PDF).</summary>
    public static bool LooksLike(string contentType, ReadOnlySpan<byte> head) => contentType.ToLowerInvariant() switch
    {
        "application/pdf" => head.StartsWith("%PDF"u8),
        "image/jpeg" => head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF,
        "image/png" => head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47 }),
        // OFD and DOCX are ZIP containers.
        "application/ofd" or "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => head.StartsWith("PK"u8),
        _ => false,
    };
}

/// <summary>Where attachment content lives, addressed by its SHA-256: the same content is stored once.</summary>
public interface IAttachmentStorage
{
    /// <summary>Stores content and returns its SHA-256 (hex) and size; null, storing nothing, when it is over <paramref name="maxBytes"/>.</summary>
    Task<(string Sha256, long Size)?> PutAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default);

    /// <summary>Opens stored content, or null when there is none with that hash.</summary>
    Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken = default);
}
