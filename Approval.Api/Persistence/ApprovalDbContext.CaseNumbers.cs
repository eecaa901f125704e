using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Persistence;

public abstract partial class ApprovalDbContext
{
    public DbSet<CaseNumberCounterRecord> CaseNumberCounters => Set<CaseNumberCounterRecord>();

    private static void ConfigureCaseNumbers(ModelBuilder model) =>
        model.Entity<CaseNumberCounterRecord>(c =>
        {
            c.ToTable("CaseNumberCounters");
            c.HasKey(x => x.Day);
            // The day is the key as written (yyyyMMdd), never a generated identity.
            c.Property(x => x.Day).ValueGeneratedNever();
        });
}

/// <summary>One day's case numbers: the serial of the last number given (<see cref="EfCaseNumberSerials"/>).</summary>
public sealed class CaseNumberCounterRecord
{
    /// <summary>The service center's date as <c>yyyyMMdd</c>, e.g. 20261124: the numbers' own prefix.</summary>
    public int Day { get; set; }

    public int Last { get; set; }
}
