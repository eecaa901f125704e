using Approval.Api.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Approval.Api.Persistence;

public abstract partial class ApprovalDbContext
{
    public DbSet<AuditEntryRecord> AuditEntries => Set<AuditEntryRecord>();
    public DbSet<AuditHeadRecord> AuditHead => Set<AuditHeadRecord>();
    public DbSet<SignedAuditHeadRecord> SignedAuditHeads => Set<SignedAuditHeadRecord>();

    /// <summary>The transaction the audit interceptor began for a SaveChanges that had none; committed after it.</summary>
    internal IDbContextTransaction? AuditTransaction { get; set; }

    // Contexts come from a pool and are lent again: a transaction a save left behind (it should never, the interceptor
    // commits or rolls it back) is rolled back when the context is returned, never inherited by the next borrower.
    public override void Dispose()
    {
        if (AuditTransaction is { } transaction)
        {
            AuditTransaction = null;
            transaction.Dispose();
        }
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override async ValueTask DisposeAsync()
    {
        if (AuditTransaction is { } transaction)
        {
            AuditTransaction = null;
            await transaction.DisposeAsync();
        }
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static void ConfigureAudit(ModelBuilder model)
    {
        model.Entity<AuditEntryRecord>(e =>
        {
            e.ToTable("AuditEntries");
            e.HasKey(x => x.Sequence);
            // The chain numbers its entries itself, under the head's lock: never the database's identity.
            e.Property(x => x.Sequence).ValueGeneratedNever();
            e.Property(x => x.Actor).HasMaxLength(NameLength);
            e.Property(x => x.Kind).HasMaxLength(NameLength);
            e.Property(x => x.Subject).HasMaxLength(NameLength);
            e.Property(x => x.Algorithm).HasMaxLength(EnumLength);
            e.Property(x => x.PreviousHash).HasMaxLength(AuditHash.HexLength);
            e.Property(x => x.Hash).HasMaxLength(AuditHash.HexLength);
        });
        model.Entity<AuditHeadRecord>(h =>
        {
            h.ToTable("AuditHead");
            h.HasKey(x => x.Id);
            h.Property(x => x.Id).ValueGeneratedNever();
            h.Property(x => x.Hash).HasMaxLength(AuditHash.HexLength);
            // The row exists from the migration on: appends only ever lock and update it.
            h.HasData(new AuditHeadRecord { Id = AuditHeadRecord.TheRow, Sequence = 0, Hash = AuditHash.Genesis });
        });
        model.Entity<SignedAuditHeadRecord>(s =>
        {
            s.ToTable("SignedAuditHeads");
            s.HasKey(x => x.Id);
            s.Property(x => x.Id).ValueGeneratedOnAdd();
            s.Property(x => x.Hash).HasMaxLength(AuditHash.HexLength);
            s.Property(x => x.CertificateSerial).HasMaxLength(IdLength);
            s.HasIndex(x => x.Sequence);
        });
    }
}
