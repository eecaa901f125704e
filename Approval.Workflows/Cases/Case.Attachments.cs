using Approval.Workflows.Attachments;
using Approval.Workflows.Refusals;

namespace Approval.Workflows.Cases;

public sealed partial class Case
{
    private readonly List<Attachment> _attachments = [];

    public IReadOnlyList<Attachment> Attachments => _attachments;

    /// <summary>Attaches a stored file while the application can still change (before a decision).</summary>
    public void Attach(Attachment attachment, AttachmentRules rules, DateTimeOffset now)
    {
        Require(Status is CaseStatus.Submitted or CaseStatus.SupplementRequested or CaseStatus.InReview or CaseStatus.Suspended,
            Refusal.Of(RefusalCode.FilesAttachedWhileOpen, $"files are attached while the case is open and undecided"));
        Require(_attachments.Count < rules.MaxPerCase, Refusal.Of(RefusalCode.TooManyFiles, $"a case has at most {rules.MaxPerCase} files"));
        _attachments.Add(attachment);
        Record(now, attachment.UploadedBy, CaseAction.Attached, null, $"{attachment.FileName} ({attachment.Size} bytes, sha256 {attachment.Sha256})");
    }
}
