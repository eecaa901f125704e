using Approval.Api.Seal;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Persistence;

public abstract partial class ApprovalDbContext
{
    public DbSet<SealCertificateRecord> SealCertificates => Set<SealCertificateRecord>();
    public DbSet<SealedDocumentRecord> SealedDocuments => Set<SealedDocumentRecord>();

    private static void ConfigureSeal(ModelBuilder model)
    {
        model.Entity<SealCertificateRecord>(c =>
        {
            c.ToTable("SealCertificates");
            c.HasKey(x => x.Serial);
            c.Property(x => x.Serial).HasMaxLength(IdLength);
            c.Property(x => x.DepartmentCode).HasMaxLength(IdLength);
            c.Property(x => x.Algorithm).HasMaxLength(IdLength);
            c.Property(x => x.KeyAlias).HasMaxLength(NameLength);
            c.Property(x => x.RevocationReason).HasMaxLength(Approval.Workflows.Inputs.TextLimits.Reason);
            c.Property(x => x.RevokedBy).HasMaxLength(NameLength);
            c.HasIndex(x => x.DepartmentCode);
        });
        model.Entity<SealedDocumentRecord>(d =>
        {
            d.ToTable("SealedDocuments");
            d.HasKey(x => x.Id);
            d.Property(x => x.Id).HasMaxLength(IdLength);
            d.Property(x => x.CaseId).HasMaxLength(IdLength);
            d.Property(x => x.CaseNumber).HasMaxLength(IdLength);
            d.Property(x => x.DecisionKey).HasMaxLength(IdLength);
            d.Property(x => x.Kind).HasMaxLength(EnumLength);
            d.Property(x => x.FileName).HasMaxLength(NameLength);
            d.Property(x => x.Sha256).HasMaxLength(IdLength);
            d.Property(x => x.CertificateSerial).HasMaxLength(IdLength);
            // Two nodes sealing one decision at once: the second insert fails and reads the first one's documents.
            d.HasIndex(x => new { x.CaseId, x.DecisionKey, x.Kind }).IsUnique();
            d.HasIndex(x => x.Sha256);
        });
    }
}
