using Approval.Api.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Persistence;

public abstract partial class ApprovalDbContext
{
    public DbSet<WebhookSubscriptionRecord> WebhookSubscriptions => Set<WebhookSubscriptionRecord>();
    public DbSet<WebhookDeliveryRecord> WebhookDeliveries => Set<WebhookDeliveryRecord>();

    private static void ConfigureWebhooks(ModelBuilder model)
    {
        model.Entity<WebhookSubscriptionRecord>(s =>
        {
            s.ToTable("WebhookSubscriptions");
            s.HasKey(x => x.Id);
            s.Property(x => x.DepartmentCode).HasMaxLength(IdLength);
            s.Property(x => x.Url).HasMaxLength(WebhookSubscriptionLimits.UrlLength);
            s.Property(x => x.SecretName).HasMaxLength(IdLength);
            s.Property(x => x.EventKinds).HasMaxLength(WebhookSubscriptionLimits.EventKindsLength);
            s.Property(x => x.CreatedBy).HasMaxLength(NameLength);
            s.Property(x => x.Version).IsConcurrencyToken();
            s.HasIndex(x => x.DepartmentCode);
        });
        model.Entity<WebhookDeliveryRecord>(d =>
        {
            d.ToTable("WebhookDeliveries");
            d.HasKey(x => x.Id);
            d.Property(x => x.Error).HasMaxLength(WebhookSubscriptionLimits.ErrorLength);
            d.HasIndex(x => new { x.SubscriptionId, x.Id });
        });
    }
}
