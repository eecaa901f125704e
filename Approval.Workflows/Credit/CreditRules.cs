using Approval.Workflows.Calendar;

namespace Approval.Workflows.Credit;

/// <summary>How much a kind of record weighs and for how long it counts.</summary>
public sealed class CreditKindRule
{
    /// <summary>Points a record in force adds (bad kinds) or takes off (good kinds, negative; the sum never goes below 0). 0: it does not count.</summary>
    public int Points { get; set; }

    /// <summary>Days from its effective date it counts at most, whatever its expiry; null: until it expires, is repaired or revoked.</summary>
    public int? CountsForDays { get; set; }
}

/// <summary>
/// The standing rules (<c>Approval:Credit</c>): each kind's points and counting period, and the thresholds. The standing
/// at an instant is that of the points of the records in force then: 0 → 良好, below <see cref="WarnedFrom"/> → 一般,
/// below <see cref="DishonestFrom"/> → 警示, else 失信. The defaults put a dishonest-judgment debtor or a serious
/// violation at 失信 on its own, a broken promise at 警示 for two years, one penalty at 一般 for a year (two: 警示).
/// </summary>
public sealed class CreditRules
{
    public Dictionary<CreditRecordKind, CreditKindRule> Kinds { get; set; } = new()
    {
        [CreditRecordKind.DishonestJudgmentDebtor] = new() { Points = 10 },
        [CreditRecordKind.SeriousViolation] = new() { Points = 10 },
        [CreditRecordKind.AdministrativePenalty] = new() { Points = 2, CountsForDays = 365 },
        [CreditRecordKind.BrokenPromise] = new() { Points = 3, CountsForDays = 730 },
        [CreditRecordKind.ATaxpayer] = new() { Points = 0, CountsForDays = 365 },
        [CreditRecordKind.Award] = new() { Points = 0, CountsForDays = 365 },
    };

    public int WarnedFrom { get; set; } = 3;

    public int DishonestFrom { get; set; } = 10;

    /// <summary>The worst standing still offered 容缺受理 / 告知承诺 (default 一般: 警示 and 失信 are not).</summary>
    public CreditStanding PromiseAllowedUpTo { get; set; } = CreditStanding.Fair;

    public CreditKindRule RuleOf(CreditRecordKind kind) => Kinds.TryGetValue(kind, out var rule) ? rule : new CreditKindRule();

    /// <summary>The standing of a subject at <paramref name="at"/> from all their records, as the store knew them then.</summary>
    public CreditAssessment Assess(string subjectId, IEnumerable<CreditRecord> records, DateTimeOffset at, BusinessHours hours)
    {
        var day = hours.DateOf(at);
        var inForce = records.Where(r => r.InForceAt(at, day) && Counts(r, day)).OrderBy(r => r.EffectiveOn).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var bad = inForce.Where(r => r.Polarity == CreditPolarity.Bad).Sum(r => Math.Max(0, RuleOf(r.Kind).Points));
        var good = inForce.Where(r => r.Polarity == CreditPolarity.Good).Sum(r => Math.Min(0, RuleOf(r.Kind).Points));
        var points = Math.Max(0, bad + good);
        var standing = points == 0 ? CreditStanding.Good : points < WarnedFrom ? CreditStanding.Fair : points < DishonestFrom ? CreditStanding.Warned : CreditStanding.Dishonest;
        // The record a refusal names: the heaviest bad record, the latest of equals.
        var deciding = inForce.Where(r => r.Polarity == CreditPolarity.Bad && RuleOf(r.Kind).Points > 0)
            .OrderByDescending(r => RuleOf(r.Kind).Points).ThenByDescending(r => r.EffectiveOn).FirstOrDefault();
        return new CreditAssessment(subjectId, at, standing, points, inForce, deciding, standing <= PromiseAllowedUpTo);
    }

    private bool Counts(CreditRecord record, DateOnly day) =>
        RuleOf(record.Kind).CountsForDays is not { } days || day < record.EffectiveOn.AddDays(days);
}
