using Approval.Workflows.Attachments;
using Approval.Workflows.Refusals;

namespace Approval.Workflows.Cases;

/// <summary>Attaching files to cases: checked (size, type, content), stored by hash outside the database, recorded on the case.</summary>
public sealed class CaseFiles(CaseCommands commands, IAttachmentStorage storage, AttachmentRules rules, TimeProvider time)
{
    /// <exception cref="ApplicationInvalidException">The file is not acceptable; nothing was stored on the case.</exception>
    public async Task<Attachment> AttachAsync(string caseId, string fileName, string contentType, long declaredSize, Stream content,
        string? materialCode, string uploadedBy, CancellationToken cancellationToken = default)
    {
        // Browsers send paths (C:\Users\…) and anyone can send NUL or 5,000 characters: the case keeps a name safe to show and serve.
        fileName = AttachmentName.Sanitize(fileName);
        Inputs.TextLimits.Check("materialCode", materialCode, Inputs.TextLimits.Code);
        if (rules.Problem(fileName, contentType, declaredSize) is { } problem)
            throw new ApplicationInvalidException([new Catalog.FieldError("file", problem)]);
        var buffered = new BufferedStream(content, 4096);
        var head = new byte[8];
        var read = await buffered.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (!AttachmentRules.LooksLike(contentType, head.AsSpan(0, read)))
            throw new ApplicationInvalidException([new Catalog.FieldError("file", Refusal.Of(RefusalCode.FileContentMismatch, $"the content is not a {contentType} file"))]);
        var whole = new ConcatenatedStream(head.AsMemory(0, read), buffered);
        var (sha256, size) = await storage.PutAsync(whole, rules.MaxBytes, cancellationToken)
            ?? throw new ApplicationInvalidException([new Catalog.FieldError("file", Refusal.Of(RefusalCode.FileTooLarge, $"the file is larger than {rules.MaxBytes / (1024 * 1024)} MB"))]);
        var attachment = new Attachment(Guid.CreateVersion7(time.GetUtcNow()).ToString("N"), fileName, contentType, size, sha256, materialCode, uploadedBy, time.GetUtcNow());
        await commands.ExecuteAsync(caseId, step =>
        {
            step.Case.Attach(attachment, rules, time.GetUtcNow());
            return Task.CompletedTask;
        }, cancellationToken);
        return attachment;
    }

    public Task<Stream?> OpenAsync(Attachment attachment, CancellationToken cancellationToken = default) => storage.OpenAsync(attachment.Sha256, cancellationToken);

    /// <summary>The bytes already read to check the type, then the rest of the upload.</summary>
    private sealed class ConcatenatedStream(ReadOnlyMemory<byte> head, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> _head = head;

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_head.Length > 0)
            {
                var n = Math.Min(buffer.Length, _head.Length);
                _head[..n].CopyTo(buffer);
                _head = _head[n..];
                return n;
            }
            return await rest.ReadAsync(buffer, cancellationToken);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
