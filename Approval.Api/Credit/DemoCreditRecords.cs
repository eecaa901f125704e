using Approval.Workflows.Applicants;
using Approval.Workflows.Credit;

namespace Approval.Api.Credit;

/// <summary>
/// Demo applicants in each standing, on a fresh store (<c>Approval:Demo:SeedCredit</c>, default true): the demo enterprise
/// an A-level taxpayer (良好; the demo person 张三 has no record: 良好 too), 李一般 with one administrative penalty (一般),
/// 云浮市警示商贸有限公司 with a broken promise (警示) and 王失信 a dishonest-judgment debtor (失信). Their IDs carry right
/// check characters (<see cref="Subjects"/>).
/// </summary>
public sealed class DemoCreditRecords(ICreditRecords records, TimeProvider time, IConfiguration configuration, ILogger<DemoCreditRecords> logger)
{
    /// <summary>The demo subjects by the standing their records give them.</summary>
    public static readonly IReadOnlyDictionary<CreditStanding, (string Id, string Name)> Subjects = new Dictionary<CreditStanding, (string, string)>
    {
        [CreditStanding.Good] = ("91350100M000100Y43", "福州示范餐饮有限公司"),
        [CreditStanding.Fair] = ("44530219800101123" + ResidentIdNumber.CheckDigitOf("44530219800101123"), "李一般"),
        [CreditStanding.Warned] = ("91445302MA4UY0012" + UnifiedSocialCreditCode.CheckCharacterOf("91445302MA4UY0012"), "云浮市警示商贸有限公司"),
        [CreditStanding.Dishonest] = ("44538119750615456" + ResidentIdNumber.CheckDigitOf("44538119750615456"), "王失信"),
    };

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Approval:Demo:SeedCredit", true) || (await records.OfSubjectAsync(Subjects[CreditStanding.Dishonest].Id, cancellationToken)).Count > 0)
            return;
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        CreditRecord Record(string id, CreditStanding standing, CreditRecordKind kind, string department, string document, string summary, int daysAgo) => new()
        {
            Id = id,
            SubjectId = Subjects[standing].Id,
            SubjectName = Subjects[standing].Name,
            Kind = kind,
            SourceDepartmentCode = department,
            DocumentNumber = document,
            Summary = summary,
            EffectiveOn = today.AddDays(-daysAgo),
            RecordedAt = now,
            RecordedBy = "demo",
        };
        CreditRecord[] seeded =
        [
            Record("demo-good", CreditStanding.Good, CreditRecordKind.ATaxpayer, "tax", "云税信〔2026〕1号", "2025 年度纳税信用 A 级", 60),
            Record("demo-fair", CreditStanding.Fair, CreditRecordKind.AdministrativePenalty, "samr", "云市监罚〔2026〕12号", "未按规定公示年度报告，罚款 2000 元", 90),
            Record("demo-warned", CreditStanding.Warned, CreditRecordKind.BrokenPromise, "samr", "YF2026000123", "容缺受理承诺的材料未在承诺期限内补齐，办件终止", 30),
            Record("demo-dishonest", CreditStanding.Dishonest, CreditRecordKind.DishonestJudgmentDebtor, "hrss", "（2026）粤5381执123号", "有履行能力而拒不履行生效法律文书确定的义务", 120),
        ];
        await records.SaveAsync([.. seeded.Select(r => new CreditRecordChange(r.Id, now, "demo", CreditChangeKind.Entered, null, r))], cancellationToken);
        logger.LogInformation("Seeded demo credit records: an applicant in each standing (Approval:Demo:SeedCredit=false keeps them out).");
    }
}
