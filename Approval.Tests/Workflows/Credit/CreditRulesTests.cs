using Approval.Workflows.Applicants;
using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;
using Approval.Workflows.Credit;
using Approval.Workflows.Refusals;
using Microsoft.Extensions.Configuration;
using static Approval.Tests.Workflows.Cases.ACase;

namespace Approval.Tests.Workflows.Credit;

/// <summary>
/// The standing (良好 / 一般 / 警示 / 失信) a subject's records give at an instant, by the configured rules: which kinds
/// count, how many points, for how long, the thresholds; a standing as of an earlier instant sees the store as it was then.
/// </summary>
public class CreditRulesTests
{
    private static readonly BusinessHours Hours = new();
    private static readonly string Subject = "44530219800101001" + ResidentIdNumber.CheckDigitOf("44530219800101001");
    private static int _ids;

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    private static CreditRecord A(CreditRecordKind kind, string effectiveOn, string? expiresOn = null, string recordedAt = "2026-01-02T09:00:00") => new()
    {
        Id = $"r{Interlocked.Increment(ref _ids)}", SubjectId = Subject, SubjectName = "李四", Kind = kind, SourceDepartmentCode = "samr",
        DocumentNumber = $"云市监〔2026〕{_ids}号", Summary = "事由", EffectiveOn = D(effectiveOn), ExpiresOn = expiresOn is null ? null : D(expiresOn),
        RecordedAt = Beijing(recordedAt), RecordedBy = "samr-reviewer",
    };

    private static CreditAssessment At(string beijing, params CreditRecord[] records) => new CreditRules().Assess(Subject, records, Beijing(beijing), Hours);

    [Test]
    public void A_subject_without_records_is_in_good_standing_and_may_promise()
    {
        var standing = At("2026-06-01T10:00:00");
        Assert.That(standing.Standing, Is.EqualTo(CreditStanding.Good));
        Assert.That(standing.AllowsPromise, Is.True);
        Assert.That(standing.Deciding, Is.Null);
    }

    [Test]
    public void One_administrative_penalty_is_fair_and_still_may_promise_two_are_a_warning_that_may_not()
    {
        var one = At("2026-06-01T10:00:00", A(CreditRecordKind.AdministrativePenalty, "2026-03-01"));
        Assert.That((one.Standing, one.Points, one.AllowsPromise), Is.EqualTo((CreditStanding.Fair, 2, true)));
        var two = At("2026-06-01T10:00:00", A(CreditRecordKind.AdministrativePenalty, "2026-03-01"), A(CreditRecordKind.AdministrativePenalty, "2026-04-01"));
        Assert.That((two.Standing, two.Points, two.AllowsPromise), Is.EqualTo((CreditStanding.Warned, 4, false)));
        Assert.That(two.Deciding!.EffectiveOn, Is.EqualTo(D("2026-04-01")), "the latest of the heaviest is named");
    }

    [Test]
    public void A_dishonest_judgment_debtor_or_a_serious_violation_is_dishonest_on_its_own_whatever_good_records_say()
    {
        var debtor = A(CreditRecordKind.DishonestJudgmentDebtor, "2026-01-05");
        var standing = At("2026-06-01T10:00:00", debtor, A(CreditRecordKind.ATaxpayer, "2026-01-01"), A(CreditRecordKind.Award, "2026-02-01"));
        Assert.That(standing.Standing, Is.EqualTo(CreditStanding.Dishonest));
        Assert.That(standing.Deciding, Is.EqualTo(debtor));
        Assert.That(standing.Kinds, Is.EqualTo(new[] { CreditRecordKind.ATaxpayer, CreditRecordKind.Award, CreditRecordKind.DishonestJudgmentDebtor }));
        Assert.That(At("2026-06-01T10:00:00", A(CreditRecordKind.SeriousViolation, "2026-01-05")).Standing, Is.EqualTo(CreditStanding.Dishonest));
    }

    [Test]
    public void A_broken_promise_warns_for_two_years_from_its_effective_date_then_stops_counting()
    {
        var broken = A(CreditRecordKind.BrokenPromise, "2026-03-10");
        // 730 days from 2026-03-10 (2028 is a leap year): 2028-03-08 is its last day.
        Assert.That(At("2028-03-08T17:00:00", broken).Standing, Is.EqualTo(CreditStanding.Warned));
        Assert.That(At("2028-03-09T00:00:00", broken).Standing, Is.EqualTo(CreditStanding.Good));
    }

    [Test]
    public void A_record_counts_from_its_effective_day_until_the_day_before_its_expiry_in_Beijing_time()
    {
        var debtor = A(CreditRecordKind.DishonestJudgmentDebtor, "2026-03-10", expiresOn: "2026-09-01");
        Assert.That(At("2026-03-09T23:59:00", debtor).Standing, Is.EqualTo(CreditStanding.Good));
        Assert.That(At("2026-03-10T00:00:00", debtor).Standing, Is.EqualTo(CreditStanding.Dishonest));
        Assert.That(At("2026-08-31T23:59:00", debtor).Standing, Is.EqualTo(CreditStanding.Dishonest));
        Assert.That(At("2026-09-01T00:00:00", debtor).Standing, Is.EqualTo(CreditStanding.Good));
    }

    [Test]
    public void A_repaired_or_revoked_record_stops_counting_at_that_instant_and_a_standing_as_of_before_still_sees_it()
    {
        var debtor = A(CreditRecordKind.DishonestJudgmentDebtor, "2026-01-05");
        var repaired = debtor.Repaired("hrss-head", "已全部履行判决义务，法院已屏蔽失信信息", Beijing("2026-05-20T10:00:00"));
        Assert.That(At("2026-05-20T09:59:00", repaired).Standing, Is.EqualTo(CreditStanding.Dishonest), "as of before the repair");
        Assert.That(At("2026-05-20T10:00:00", repaired).Standing, Is.EqualTo(CreditStanding.Good));
        var revoked = debtor.Revoked("admin", "录入错误：主体代码有误", Beijing("2026-05-21T10:00:00"));
        Assert.That(At("2026-05-21T10:00:00", revoked).Standing, Is.EqualTo(CreditStanding.Good));
        Assert.That(At("2026-05-21T09:00:00", revoked).Standing, Is.EqualTo(CreditStanding.Dishonest));
    }

    [Test]
    public void A_record_the_store_learnt_of_later_is_not_seen_by_a_standing_as_of_before_it_was_recorded()
    {
        var debtor = A(CreditRecordKind.DishonestJudgmentDebtor, "2026-01-05", recordedAt: "2026-06-10T09:00:00");
        Assert.That(At("2026-06-01T10:00:00", debtor).Standing, Is.EqualTo(CreditStanding.Good), "the case accepted then keeps the standing it had then");
        Assert.That(At("2026-06-10T09:00:00", debtor).Standing, Is.EqualTo(CreditStanding.Dishonest));
    }

    [Test]
    public void Repairs_and_revocations_state_their_reason_a_good_record_is_not_repaired_and_nothing_ends_twice()
    {
        var penalty = A(CreditRecordKind.AdministrativePenalty, "2026-01-05");
        var now = Beijing("2026-05-20T10:00:00");
        Assert.That(Assert.Throws<CreditRuleException>(() => penalty.Repaired("samr-head", " ", now))!.Refusal.Code, Is.EqualTo(RefusalCode.CreditEndingStatesReason));
        Assert.That(Assert.Throws<CreditRuleException>(() => A(CreditRecordKind.Award, "2026-01-05").Repaired("samr-head", "理由", now))!.Refusal.Code,
            Is.EqualTo(RefusalCode.CreditRepairOnlyBad));
        var repaired = penalty.Repaired("samr-head", "已缴纳罚款并完成整改", now);
        Assert.That(Assert.Throws<CreditRuleException>(() => repaired.Repaired("samr-head", "再次", now))!.Refusal.Code, Is.EqualTo(RefusalCode.CreditRecordRepaired));
        var revoked = repaired.Revoked("admin", "录入错误", now);
        Assert.That(revoked.Repair, Is.EqualTo(repaired.Repair), "the repair stays on the record");
        Assert.That(Assert.Throws<CreditRuleException>(() => revoked.Revoked("admin", "再次", now))!.Refusal.Code, Is.EqualTo(RefusalCode.CreditRecordRevoked));
    }

    [Test]
    public void The_rules_come_from_configuration_points_counting_periods_thresholds_and_what_may_promise()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Approval:Credit:Kinds:AdministrativePenalty:Points"] = "5",
            ["Approval:Credit:Kinds:AdministrativePenalty:CountsForDays"] = "30",
            ["Approval:Credit:Kinds:ATaxpayer:Points"] = "-2",
            ["Approval:Credit:WarnedFrom"] = "4",
            ["Approval:Credit:PromiseAllowedUpTo"] = "Good",
        }).Build();
        var rules = configuration.GetSection("Approval:Credit").Get<CreditRules>()!;
        var penalty = A(CreditRecordKind.AdministrativePenalty, "2026-05-15");
        var warned = rules.Assess(Subject, [penalty], Beijing("2026-06-01T10:00:00"), Hours);
        Assert.That((warned.Standing, warned.Points), Is.EqualTo((CreditStanding.Warned, 5)));
        var offset = rules.Assess(Subject, [penalty, A(CreditRecordKind.ATaxpayer, "2026-01-01")], Beijing("2026-06-01T10:00:00"), Hours);
        Assert.That((offset.Standing, offset.Points, offset.AllowsPromise), Is.EqualTo((CreditStanding.Fair, 3, false)), "a good record takes points off; only 良好 may promise here");
        Assert.That(rules.Assess(Subject, [penalty], Beijing("2026-06-14T10:00:00"), Hours).Standing, Is.EqualTo(CreditStanding.Good), "30 days and no more");
        Assert.That(rules.RuleOf(CreditRecordKind.DishonestJudgmentDebtor).Points, Is.EqualTo(10), "the kinds not configured keep their defaults");
    }

    [Test]
    public void A_process_reads_the_standing_its_points_and_the_kinds_in_force()
    {
        var input = At("2026-06-01T10:00:00", A(CreditRecordKind.BrokenPromise, "2026-03-10"), A(CreditRecordKind.Award, "2026-02-01")).ToProcessInput();
        Assert.That(input.ToJsonString(), Is.EqualTo("""{"standing":"Warned","points":3,"kinds":["Award","BrokenPromise"]}"""));
    }

    [TestCase("11010519491231002X", ApplicantKind.Person)]
    [TestCase("91350100M000100Y43", ApplicantKind.Organisation)]
    [TestCase(" 91350100m000100y43 ", ApplicantKind.Organisation)]
    public void A_subject_is_a_resident_ID_or_a_unified_social_credit_code_with_its_check_character(string text, ApplicantKind kind)
    {
        Assert.That(CreditSubject.TryParse(text, out var subject, out _), Is.True);
        Assert.That((subject!.Id, subject.Kind), Is.EqualTo((text.Trim().ToUpperInvariant(), kind)));
    }

    [TestCase("110105194912310021", RefusalCode.ResidentIdCheckDigit)]
    [TestCase("91350100M000100Y44", RefusalCode.CreditCodeCheckCharacter)]
    [TestCase("1101051949", RefusalCode.ResidentIdLength)]
    [TestCase("91350100I000100Y43", RefusalCode.CreditCodeCharacter)]
    public void A_wrong_subject_is_refused_with_the_reason_of_the_kind_it_looks_like(string text, RefusalCode reason)
    {
        Assert.That(CreditSubject.TryParse(text, out _, out var refusal), Is.False);
        Assert.That(refusal!.Code, Is.EqualTo(reason));
    }

    [Test]
    public void An_entry_names_every_wrong_field_with_its_reason()
    {
        var entry = new CreditEntry("110105194912310021", " ", "Fine", "nowhere", "", "事由", "2026-13-01", "2026-01-01");
        var (record, errors) = entry.Check("x", new HashSet<string> { "samr" }, Beijing("2026-06-01T10:00:00"), "admin");
        Assert.That(record, Is.Null);
        Assert.That(errors.Select(e => e.Field), Is.EquivalentTo(new[] { "subjectId", "subjectName", "kind", "sourceDepartmentCode", "documentNumber", "effectiveOn" }));
        var expiry = new CreditEntry("11010519491231002X", "张三", "AdministrativePenalty", "samr", "云市监罚〔2026〕1号", "事由", "2026-05-01", "2026-05-01")
            .Check("x", new HashSet<string> { "samr" }, Beijing("2026-06-01T10:00:00"), "admin");
        Assert.That(expiry.Errors.Single().Field, Is.EqualTo("expiresOn"));
    }
}
