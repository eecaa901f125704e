using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Api.Persistence;

/// <summary>
/// The application's database: the workflow tables (definitions, instances, bookmarks, incidents, execution log)
/// here, the approval domain's (catalog, people, cases) in <c>ApprovalDbContext.Domain.cs</c>. Abstract: each provider
/// derives its own type so its migrations live apart (<see cref="SqliteApprovalDbContext"/> and siblings).
/// </summary>
public abstract partial class ApprovalDbContext(DbContextOptions options) : DbContext(options)
{
    private const int IdLength = 128;
    private const int NameLength = 256;
    private const int EnumLength = 32;

    public DbSet<WorkflowDefinitionRecord> Definitions => Set<WorkflowDefinitionRecord>();
    public DbSet<WorkflowInstanceRecord> Instances => Set<WorkflowInstanceRecord>();
    public DbSet<BookmarkRecord> Bookmarks => Set<BookmarkRecord>();
    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();
    public DbSet<ExecutionLogRecord> ExecutionLog => Set<ExecutionLogRecord>();

    // The application's factory sets it already (a pooled context may not change its options here); design-time and
    // hand-made options get it here.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (optionsBuilder.Options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.QueryTrackingBehavior != QueryTrackingBehavior.NoTracking)
            optionsBuilder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        // SQLite cannot compare or order DateTimeOffset; a UTC DateTime compares correctly everywhere.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeConverter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WorkflowDefinitionRecord>(Definition);
        modelBuilder.Entity<WorkflowInstanceRecord>(Instance);
        modelBuilder.Entity<BookmarkRecord>(Bookmark);
        modelBuilder.Entity<IncidentRecord>(Incident);
        modelBuilder.Entity<ExecutionLogRecord>(LogEntry);
        ConfigureDomain(modelBuilder);
        ConfigureDrafts(modelBuilder);
        ConfigureCredit(modelBuilder);
        ConfigureWindows(modelBuilder);
        ConfigureMachineClients(modelBuilder);
        ConfigureWebhooks(modelBuilder);
        ConfigureSeal(modelBuilder);
        ConfigureCaseNumbers(modelBuilder);
        ConfigureAudit(modelBuilder);
    }

    private static void Definition(EntityTypeBuilder<WorkflowDefinitionRecord> definition)
    {
        definition.ToTable("WorkflowDefinitions");
        definition.HasKey(d => new { d.DefinitionId, d.Version });
        definition.Property(d => d.DefinitionId).HasMaxLength(IdLength);
        definition.Property(d => d.Name).HasMaxLength(NameLength);
    }

    private static void Instance(EntityTypeBuilder<WorkflowInstanceRecord> instance)
    {
        instance.ToTable("WorkflowInstances");
        instance.HasKey(i => i.Id);
        instance.Property(i => i.Id).HasMaxLength(IdLength);
        instance.Property(i => i.DefinitionId).HasMaxLength(IdLength);
        instance.Property(i => i.Status).HasConversion<string>().HasMaxLength(EnumLength);
        instance.Property(i => i.CorrelationId).HasMaxLength(IdLength);
        instance.Property(i => i.Name).HasMaxLength(NameLength);
        // A plain column compared in the UPDATE's WHERE clause: the same on every provider (no rowversion, no xmin).
        instance.Property(i => i.Revision).IsConcurrencyToken();
        instance.HasIndex(i => i.CorrelationId);
        instance.HasIndex(i => i.Status);
        instance.HasIndex(i => new { i.DefinitionId, i.DefinitionVersion });
    }

    private static void Bookmark(EntityTypeBuilder<BookmarkRecord> bookmark)
    {
        bookmark.ToTable("Bookmarks");
        bookmark.HasKey(b => b.Id);
        bookmark.Property(b => b.Id).HasMaxLength(IdLength);
        bookmark.Property(b => b.ActivityId).HasMaxLength(IdLength);
        bookmark.Property(b => b.ActivityType).HasMaxLength(NameLength);
        bookmark.Property(b => b.Name).HasMaxLength(NameLength);
        bookmark.HasIndex(b => b.Name);
        bookmark.HasIndex(b => b.DueAt);
        BelongsToInstance(bookmark, DeleteBehavior.Cascade);
    }

    private static void Incident(EntityTypeBuilder<IncidentRecord> incident)
    {
        incident.ToTable("Incidents");
        incident.HasKey(i => i.Id);
        incident.Property(i => i.Id).HasMaxLength(IdLength);
        incident.Property(i => i.ActivityId).HasMaxLength(IdLength);
        incident.Property(i => i.ActivityType).HasMaxLength(NameLength);
        incident.Property(i => i.Kind).HasConversion<string>().HasMaxLength(EnumLength);
        incident.Property(i => i.ExceptionType).HasMaxLength(NameLength * 2);
        BelongsToInstance(incident, DeleteBehavior.Restrict);
    }

    private static void LogEntry(EntityTypeBuilder<ExecutionLogRecord> entry)
    {
        entry.ToTable("ExecutionLog");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).ValueGeneratedOnAdd();
        entry.Property(e => e.ActivityId).HasMaxLength(IdLength);
        entry.Property(e => e.ActivityType).HasMaxLength(NameLength);
        entry.Property(e => e.Event).HasConversion<string>().HasMaxLength(EnumLength);
        BelongsToInstance(entry, DeleteBehavior.Restrict);
    }

    // Every child row has an InstanceId column; the foreign key also indexes it. History (incidents, log) is never
    // deleted with an instance.
    private static void BelongsToInstance<T>(EntityTypeBuilder<T> child, DeleteBehavior onDelete) where T : class
    {
        child.Property<string>("InstanceId").HasMaxLength(IdLength);
        child.HasOne<WorkflowInstanceRecord>().WithMany().HasForeignKey("InstanceId").OnDelete(onDelete);
    }
}
