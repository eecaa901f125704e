using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Persistence;

public abstract partial class ApprovalDbContext
{
    public DbSet<ServiceWindowRecord> Windows => Set<ServiceWindowRecord>();

    private static void ConfigureWindows(ModelBuilder model) =>
        model.Entity<ServiceWindowRecord>(w =>
        {
            w.ToTable("ServiceWindows");
            w.HasKey(x => x.Code);
            w.Property(x => x.Code).HasMaxLength(IdLength);
            w.Property(x => x.Name).HasMaxLength(NameLength);
            w.Property(x => x.NameEn).HasMaxLength(NameLength);
            w.Property(x => x.Location).HasMaxLength(NameLength);
            w.Property(x => x.ClosedBy).HasMaxLength(NameLength);
        });
}

/// <summary>A window of the hall (窗口): cases, timelines and performance name it by its code; clerks sit at it (Users.WindowCode).</summary>
public sealed class ServiceWindowRecord
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public string? Location { get; set; }
    public bool IsOpen { get; set; } = true;
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
}
