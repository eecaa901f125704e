using Approval.Workflows.Catalog;
using Approval.Workflows.Credit;
using Approval.Workflows.People;

namespace Approval.Api.Credit;

/// <summary>A row of an import that was rejected: its line in the file and every field that is wrong, with why.</summary>
public sealed record CreditImportRejection(int Line, IReadOnlyList<CreditImportError> Errors);

public sealed record CreditImportError(string Field, string Reason);

/// <summary>What an import did: saved every row (<see cref="Imported"/>) or, with any row rejected, none (<see cref="Rejected"/> says why).</summary>
public sealed record CreditImportReport(int Rows, int Imported, IReadOnlyList<CreditImportRejection> Rejected, IReadOnlyList<string> RecordIds)
{
    public bool Saved => Rejected.Count == 0 && Imported > 0;
}

/// <summary>
/// The bulk import of a provincial credit platform's export (CSV, UTF-8): every row is checked as an entry through the
/// API would be (<see cref="CreditEntry.Check"/>), and against the store and the file for a record already there (same
/// subject, kind and document number). <b>All or nothing per file</b>: one rejected row and nothing is saved, the report
/// naming each rejected row (its line) and field; a clean file is saved in one transaction. The columns, by header (Chinese
/// or English, any order): 主体代码 subjectId, 主体名称 subjectName, 记录类型 kind, 认定部门 sourceDepartmentCode,
/// 决定文书号 documentNumber, 事由 summary, 生效日期 effectiveOn, 截止日期 expiresOn (empty: none).
/// </summary>
public sealed class CreditImport(ICreditRecords records, ICatalog catalog, TimeProvider time)
{
    /// <summary>At most this many rows per file: a larger export is split.</summary>
    public const int MaxRows = 10_000;

    public static readonly IReadOnlyDictionary<string, string> Columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["主体代码"] = "subjectId", ["subjectId"] = "subjectId",
        ["主体名称"] = "subjectName", ["subjectName"] = "subjectName",
        ["记录类型"] = "kind", ["kind"] = "kind",
        ["认定部门"] = "sourceDepartmentCode", ["sourceDepartmentCode"] = "sourceDepartmentCode",
        ["决定文书号"] = "documentNumber", ["documentNumber"] = "documentNumber",
        ["事由"] = "summary", ["summary"] = "summary",
        ["生效日期"] = "effectiveOn", ["effectiveOn"] = "effectiveOn",
        ["截止日期"] = "expiresOn", ["expiresOn"] = "expiresOn",
    };

    /// <summary>The platforms' Chinese names of the kinds, accepted beside the enum names.</summary>
    public static readonly IReadOnlyDictionary<string, CreditRecordKind> KindNames = new Dictionary<string, CreditRecordKind>
    {
        ["A级纳税人"] = CreditRecordKind.ATaxpayer,
        ["表彰奖励"] = CreditRecordKind.Award,
        ["失信被执行人"] = CreditRecordKind.DishonestJudgmentDebtor,
        ["严重违法失信名单"] = CreditRecordKind.SeriousViolation,
        ["行政处罚"] = CreditRecordKind.AdministrativePenalty,
        ["承诺失信"] = CreditRecordKind.BrokenPromise,
    };

    private static readonly string[] Required = ["subjectId", "subjectName", "kind", "sourceDepartmentCode", "documentNumber", "summary", "effectiveOn"];

    public async Task<CreditImportReport> ImportAsync(Actor actor, string csv, CancellationToken cancellationToken)
    {
        var rows = CsvText.Rows(csv).Take(MaxRows + 2).ToList();
        if (rows.Count == 0)
            return Refused(0, new CreditImportRejection(1, [new("file", "the file is empty: a header row and at least one record are expected")]));
        var (headerLine, header) = rows[0];
        var columns = header.Select(h => Columns.TryGetValue(h.Trim(), out var name) ? name : null).ToList();
        var missing = Required.Where(r => !columns.Contains(r)).ToList();
        var unknown = header.Where((h, i) => columns[i] is null).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            var errors = missing.Select(m => new CreditImportError("header", $"no column {m} ({Columns.First(c => c.Value == m).Key})"))
                .Concat(unknown.Select(u => new CreditImportError("header", $"'{u}' is not a column of the import")));
            return Refused(rows.Count - 1, new CreditImportRejection(headerLine, [.. errors]));
        }
        if (rows.Count == 1)
            return Refused(0, new CreditImportRejection(headerLine, [new("file", "the file has a header but no record")]));
        if (rows.Count > MaxRows + 1)
            return Refused(rows.Count - 1, new CreditImportRejection(rows[^1].Line, [new("file", $"at most {MaxRows} records per file")]));

        var departments = await DepartmentCodesByCodeAndNameAsync(cancellationToken);
        var codes = departments.Values.ToHashSet(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var rejected = new List<CreditImportRejection>();
        var accepted = new List<CreditRecord>();
        var seen = new HashSet<(string, CreditRecordKind, string)>();
        var stored = new Dictionary<string, IReadOnlyList<CreditRecord>>(StringComparer.Ordinal);
        foreach (var (line, fields) in rows.Skip(1))
        {
            if (fields.Count != columns.Count)
            {
                rejected.Add(new CreditImportRejection(line, [new("row", $"{fields.Count} fields where the header has {columns.Count}")]));
                continue;
            }
            string? Field(string name) => columns.IndexOf(name) is var i and >= 0 ? fields[i] : null;
            var kind = Field("kind")?.Trim();
            var department = Field("sourceDepartmentCode")?.Trim();
            var entry = new CreditEntry(Field("subjectId"), Field("subjectName"),
                kind is not null && KindNames.TryGetValue(kind, out var named) ? named.ToString() : kind,
                department is not null && departments.TryGetValue(department, out var code) ? code : department,
                Field("documentNumber"), Field("summary"), Field("effectiveOn"), Field("expiresOn"));
            var (record, errors) = entry.Check(CreditRegister.NewId(now.AddTicks(accepted.Count)), codes, now, actor.Name);
            if (record is null)
            {
                rejected.Add(new CreditImportRejection(line, [.. errors.Select(e => new CreditImportError(e.Field, e.Reason))]));
                continue;
            }
            if (!seen.Add((record.SubjectId, record.Kind, record.DocumentNumber)))
            {
                rejected.Add(new CreditImportRejection(line, [new("documentNumber", $"{record.DocumentNumber} ({record.Kind}) of {record.SubjectId} is twice in the file")]));
                continue;
            }
            if (!stored.TryGetValue(record.SubjectId, out var existing))
                stored[record.SubjectId] = existing = await records.OfSubjectAsync(record.SubjectId, cancellationToken);
            if (existing.Any(r => r.Kind == record.Kind && r.DocumentNumber == record.DocumentNumber))
            {
                rejected.Add(new CreditImportRejection(line, [new("documentNumber", $"{record.DocumentNumber} ({record.Kind}) of {record.SubjectId} is already in the store")]));
                continue;
            }
            accepted.Add(record);
        }
        if (rejected.Count > 0)
            return new CreditImportReport(rows.Count - 1, 0, rejected, []);
        await records.SaveAsync([.. accepted.Select(r => new CreditRecordChange(r.Id, now, actor.Name, CreditChangeKind.Entered, null, r))], cancellationToken);
        return new CreditImportReport(rows.Count - 1, accepted.Count, [], [.. accepted.Select(r => r.Id)]);
    }

    private static CreditImportReport Refused(int rows, CreditImportRejection rejection) => new(rows, 0, [rejection], []);

    // A platform's export names the department; ours goes by code: both are taken.
    private async Task<Dictionary<string, string>> DepartmentCodesByCodeAndNameAsync(CancellationToken cancellationToken)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var department in await catalog.ListDepartmentsAsync(cancellationToken))
        {
            map[department.Code] = department.Code;
            map.TryAdd(department.Name, department.Code);
        }
        return map;
    }
}
