using System.Security.Cryptography;
using Approval.Workflows.Attachments;

namespace Approval.Api.Attachments;

/// <summary>
/// Attachment content in the data folder (<c>attachments/ab/cdef…</c>), named by its SHA-256: written to a temporary
/// file while hashed, then moved into place, so a reader never sees half a file and equal content is kept once.
/// </summary>
public sealed class FileSystemAttachmentStorage(string root) : IAttachmentStorage
{
    public async Task<(string Sha256, long Size)?> PutAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(root);
        var temporary = Path.Combine(root, $".upload-{Guid.NewGuid():N}");
        try
        {
            long size = 0;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                        return null;
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            var target = PathOf(sha256);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!File.Exists(target))
                File.Move(temporary, target, overwrite: true);
            return (sha256, size);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken = default)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
            return Task.FromResult<Stream?>(null);
        var path = PathOf(sha256);
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null);
    }

    /// <summary>A stored file: its path, and its hash (null for the temporary file of an upload cut short).</summary>
    public sealed record StoredFile(string Path, string? Sha256);

    /// <summary>Files last written before <paramref name="instant"/>: stored content and leftover temporary files.</summary>
    public IEnumerable<StoredFile> StoredBefore(DateTimeOffset instant)
    {
        if (!Directory.Exists(root))
            yield break;
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            if (File.GetLastWriteTimeUtc(path) >= instant.UtcDateTime)
                continue;
            var name = Path.GetFileName(path);
            var folder = Path.GetFileName(Path.GetDirectoryName(path)!);
            if (name.StartsWith(".upload-", StringComparison.Ordinal))
                yield return new StoredFile(path, null);
            else if (folder.Length == 2 && name.Length == 62 && (folder + name).All(char.IsAsciiHexDigitLower))
                yield return new StoredFile(path, folder + name);
        }
    }

    /// <summary>Removes a file listed by <see cref="StoredBefore"/>; false when it was already gone.</summary>
    public bool Remove(string path)
    {
        if (!File.Exists(path))
            return false;
        File.Delete(path);
        return true;
    }

    private string PathOf(string sha256) => Path.Combine(root, sha256[..2], sha256[2..]);
}
