using Approval.Api.Credit;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Persistence;

public abstract partial class ApprovalDbContext
{
    public DbSet<CreditRecordRow> CreditRecords => Set<CreditRecordRow>();
    public DbSet<CreditRecordChangeRow> CreditRecordChanges => Set<CreditRecordChangeRow>();

    private static void ConfigureCredit(ModelBuilder model)
    {
        model.Entity<CreditRecordRow>(r =>
        {
            r.ToTable("CreditRecords");
            r.HasKey(x => x.Id);
            r.Property(x => x.Id).HasMaxLength(IdLength);
            // A subject's records, read at every acceptance.
            r.Property(x => x.SubjectId).HasMaxLength(IdLength);
            r.HasIndex(x => x.SubjectId);
            r.Property(x => x.SubjectName).HasMaxLength(NameLength);
            r.Property(x => x.Kind).HasMaxLength(EnumLength);
            r.Property(x => x.Polarity).HasMaxLength(EnumLength);
            r.Property(x => x.SourceDepartmentCode).HasMaxLength(IdLength);
            r.Property(x => x.DocumentNumber).HasMaxLength(IdLength);
            r.Property(x => x.Summary).HasMaxLength(Approval.Workflows.Inputs.TextLimits.Reason);
            r.Property(x => x.RecordedBy).HasMaxLength(NameLength);
            r.Property(x => x.EvidenceFileName).HasMaxLength(Approval.Workflows.Inputs.TextLimits.FileName);
            r.Property(x => x.EvidenceContentType).HasMaxLength(NameLength);
            r.Property(x => x.EvidenceSha256).HasMaxLength(IdLength);
            r.HasIndex(x => x.EvidenceSha256);
            r.Property(x => x.EvidenceBy).HasMaxLength(NameLength);
            r.Property(x => x.EvidenceCaseId).HasMaxLength(IdLength);
            r.Property(x => x.RepairedBy).HasMaxLength(NameLength);
            r.Property(x => x.RepairReason).HasMaxLength(Approval.Workflows.Inputs.TextLimits.Reason);
            r.Property(x => x.RevokedBy).HasMaxLength(NameLength);
            r.Property(x => x.RevokeReason).HasMaxLength(Approval.Workflows.Inputs.TextLimits.Reason);
        });
        model.Entity<CreditRecordChangeRow>(c =>
        {
            c.ToTable("CreditRecordChanges");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedOnAdd();
            c.Property(x => x.RecordId).HasMaxLength(IdLength);
            c.HasIndex(x => x.RecordId);
            c.Property(x => x.By).HasMaxLength(NameLength);
            c.Property(x => x.Kind).HasMaxLength(EnumLength);
            c.HasOne<CreditRecordRow>().WithMany().HasForeignKey(x => x.RecordId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
