using Approval.Api.MachineClients;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Persistence;

public abstract partial class ApprovalDbContext
{
    public DbSet<MachineClientRecord> MachineClients => Set<MachineClientRecord>();

    private static void ConfigureMachineClients(ModelBuilder model) =>
        model.Entity<MachineClientRecord>(c =>
        {
            c.ToTable("MachineClients");
            c.HasKey(x => x.ClientId);
            c.Property(x => x.ClientId).HasMaxLength(IdLength);
            c.Property(x => x.Name).HasMaxLength(NameLength);
            c.Property(x => x.DepartmentCode).HasMaxLength(IdLength);
            c.Property(x => x.SecretHash).HasMaxLength(NameLength);
            c.Property(x => x.SecurityStamp).HasMaxLength(IdLength);
            c.Property(x => x.IssuedBy).HasMaxLength(NameLength);
            c.Property(x => x.RevokedBy).HasMaxLength(NameLength);
        });
}
