using Approval.Workflows.Credit;

namespace Approval.Api.DemoData;

/// <summary>
/// The credit store of a generated history: each applicant's records follow from their ID alone (a stable hash), so every
/// worker and a later run agree without sharing anything. About 88% have none (良好), 6% an administrative penalty (一般),
/// 4% a broken promise (警示), 2% are dishonest-judgment debtors (失信) — so 容缺 is refused to some and a warned
/// applicant's construction permit takes the credit review. Each record took effect 30 days before the history's first
/// day (a penalty counts a year, a broken promise two) and was known from then; <c>seed-demo</c> writes the records of the
/// history's applicants into the real store afterwards (<see cref="ForSubjects"/>), so the store says what the cases used.
/// </summary>
internal sealed class GeneratedCreditRecords(DateOnly firstDay, DateTimeOffset end) : ICreditRecords
{
    /// <summary>The day the generated records took effect.</summary>
    public DateOnly EffectiveOn { get; } = firstDay.AddDays(-30);

    private DateTimeOffset RecordedAt => new(EffectiveOn.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));

    public Task<IReadOnlyList<CreditRecord>> OfSubjectAsync(string subjectId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Of(subjectId));

    public Task<CreditRecord?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(id.StartsWith("gen-", StringComparison.Ordinal) && Of(id[4..]) is [var record] ? record : null);

    public Task<IReadOnlyList<CreditRecordChange>> ChangesAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CreditRecordChange>>([]);

    public Task SaveAsync(IReadOnlyList<CreditRecordChange> changes, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("A generated history writes no credit records.");

    /// <summary>The changes entering the records of <paramref name="subjectIds"/>, for the real store.</summary>
    public IEnumerable<CreditRecordChange> ForSubjects(IEnumerable<string> subjectIds) =>
        subjectIds.SelectMany(Of).Select(r => new CreditRecordChange(r.Id, end, "demo", CreditChangeKind.Entered, null, r with { RecordedAt = RecordedAt }));

    // The demo's own people keep the standing the live demo data gives them (DemoCreditRecords): 张三 stays in good standing.
    private static readonly HashSet<string> DemoSubjects =
    [
        .. Approval.Api.Identity.DemoUsers.All.Select(u => u.ApplicantIdNumber).OfType<string>(),
        .. Approval.Api.Credit.DemoCreditRecords.Subjects.Values.Select(s => s.Id),
    ];

    /// <summary>The subject's records: none, or one whose kind the hash of the ID picks.</summary>
    public IReadOnlyList<CreditRecord> Of(string subjectId)
    {
        if (DemoSubjects.Contains(subjectId))
            return [];
        var share = Hash(subjectId) % 100;
        (CreditRecordKind Kind, string Department, string Document, string Summary)? record = share switch
        {
            < 2 => (CreditRecordKind.DishonestJudgmentDebtor, "hrss", "（{0}）粤5302执{1}号", "有履行能力而拒不履行生效法律文书确定的义务"),
            < 6 => (CreditRecordKind.BrokenPromise, "samr", "YF{0}{1}", "容缺受理承诺的材料未在承诺期限内补齐，办件终止"),
            < 12 => (CreditRecordKind.AdministrativePenalty, "samr", "云市监罚〔{0}〕{1}号", "未按规定公示年度报告，罚款 2000 元"),
            _ => null,
        };
        if (record is not { } r)
            return [];
        return
        [
            new CreditRecord
            {
                Id = $"gen-{subjectId}",
                SubjectId = subjectId,
                SubjectName = "示范申请人",
                Kind = r.Kind,
                SourceDepartmentCode = r.Department,
                DocumentNumber = string.Format(System.Globalization.CultureInfo.InvariantCulture, r.Document, EffectiveOn.Year, Hash(subjectId) % 100_000),
                Summary = r.Summary,
                EffectiveOn = EffectiveOn,
                RecordedAt = RecordedAt,
                RecordedBy = "demo",
            },
        ];
    }

    // FNV-1a: string.GetHashCode differs from run to run.
    private static uint Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
            hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
