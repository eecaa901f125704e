using Approval.Api.Drafts;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Persistence;

public abstract partial class ApprovalDbContext
{
    public DbSet<ApplicationDraftRecord> ApplicationDrafts => Set<ApplicationDraftRecord>();

    private static void ConfigureDrafts(ModelBuilder model) =>
        model.Entity<ApplicationDraftRecord>(d =>
        {
            d.ToTable("ApplicationDrafts");
            // One draft per applicant and item: saving again replaces it.
            d.HasKey(x => new { x.OwnerId, x.ItemCode });
            d.Property(x => x.OwnerId).HasMaxLength(IdLength);
            d.Property(x => x.ItemCode).HasMaxLength(IdLength);
            d.Property(x => x.Phone).HasMaxLength(Approval.Workflows.Inputs.TextLimits.Name);
            d.Property(x => x.IdempotencyKey).HasMaxLength(IdLength);
        });
}
