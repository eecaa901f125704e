using Approval.Api.Persistence;
using Approval.Workflows.Inputs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Persistence;

/// <summary>
/// No input reaches a column it does not fit: each column that holds a value from a request is at least as wide as
/// that field's limit (<see cref="TextLimits"/>), and every narrower column holds only what the server makes (enum
/// names, hashes). Otherwise PostgreSQL answers 500 where SQLite keeps the value.
/// </summary>
public sealed class InputColumnWidthTests
{
    private static ApprovalDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{DatabaseOptions.Section}:Provider"] = provider.ToString(),
            [$"{DatabaseOptions.Section}:ConnectionString"] = connectionString,
        }).Build();
        return new ServiceCollection().AddApprovalPersistence(configuration).BuildServiceProvider()
            .GetRequiredService<IDbContextFactory<ApprovalDbContext>>().CreateDbContext();
    }

    private static readonly (Type Record, string Column, int Limit)[] InputColumns =
    [
        (typeof(ComplaintRecord), nameof(ComplaintRecord.Contact), TextLimits.Name),
        (typeof(ComplaintRecord), nameof(ComplaintRecord.CaseId), TextLimits.Code),
        (typeof(ComplaintRecord), nameof(ComplaintRecord.TransferredTo), TextLimits.Code),
        (typeof(CorrectionNoticeRecord), nameof(CorrectionNoticeRecord.Subject), TextLimits.Name),
        (typeof(CorrectionNoticeRecord), nameof(CorrectionNoticeRecord.CaseId), TextLimits.Code),
        (typeof(CorrectionNoticeRecord), nameof(CorrectionNoticeRecord.DepartmentCode), TextLimits.Code),
        (typeof(CaseRecord), nameof(CaseRecord.ApplicantName), TextLimits.Name),
        (typeof(CaseRecord), nameof(CaseRecord.ApplicantIdNumber), TextLimits.Code),
        (typeof(CaseRecord), nameof(CaseRecord.ItemCode), TextLimits.Code),
        (typeof(CaseTaskRecord), nameof(CaseTaskRecord.ApplicantName), TextLimits.Name),
        (typeof(SubmissionRecord), nameof(SubmissionRecord.IdempotencyKey), TextLimits.Code),
        (typeof(AbsenceRecord), nameof(AbsenceRecord.Substitute), TextLimits.Name),
        (typeof(WorkflowInstanceRecord), nameof(WorkflowInstanceRecord.CorrelationId), TextLimits.Code),
        (typeof(WorkflowInstanceRecord), nameof(WorkflowInstanceRecord.DefinitionId), TextLimits.Code),
        (typeof(ApprovalItemRecord), nameof(ApprovalItemRecord.Code), TextLimits.Code),
        (typeof(ApprovalItemRecord), nameof(ApprovalItemRecord.Name), TextLimits.Name),
        (typeof(ApprovalItemRecord), nameof(ApprovalItemRecord.LeadDepartmentCode), TextLimits.Code),
    ];

    // Columns narrower than a code that only the server fills (Culture: one of NotificationCultures.All, checked before it is saved;
    // Polarity: a credit record kind's 守信/失信, derived from the kind; Hash, PreviousHash, Algorithm: the audit chain's
    // digests in hexadecimal and the name of the digest, computed by the server).
    private static readonly string[] ServerMade = ["Status", "Level", "Kind", "Role", "Action", "Review", "UnitKind", "PeriodKind", "Event", "Fingerprint", "Culture", "Polarity", "Hash", "PreviousHash", "Algorithm"];

    [TestCase(DatabaseProvider.Sqlite, "Data Source=never-opened.db")]
    [TestCase(DatabaseProvider.PostgreSql, "Host=never-opened.invalid;Database=approval")]
    public void Every_column_that_holds_an_input_fits_the_input_limit(DatabaseProvider provider, string connectionString)
    {
        using var context = Context(provider, connectionString);
        foreach (var (record, column, limit) in InputColumns)
        {
            var width = context.Model.FindEntityType(record)!.FindProperty(column)!.GetMaxLength();
            Assert.That(width is null || width >= limit, $"{record.Name}.{column} is {width} wide; its input may be {limit}");
        }
        var narrow = context.Model.GetEntityTypes().SelectMany(e => e.GetProperties().Select(p => (Entity: e, Property: p)))
            .Where(x => x.Property.ClrType == typeof(string) && x.Property.GetMaxLength() is { } width && width < TextLimits.Code)
            .Where(x => !ServerMade.Contains(x.Property.Name))
            .Select(x => $"{x.Entity.ClrType.Name}.{x.Property.Name}")
            .ToList();
        Assert.That(narrow, Is.Empty, "columns narrower than a code hold only what the server makes");
    }
}
