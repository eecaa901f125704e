using System.Text.Json.Nodes;
using Approval.Workflows.Refusals;

namespace Approval.Workflows.Credit;

/// <summary>
/// A subject's standing at an instant, with the records in force then that made it: what a case's acceptance used
/// (its timeline says so) and what its process reads as <c>input.applicant.credit</c>.
/// </summary>
/// <param name="Deciding">The heaviest bad record in force, the one a refusal names; null when none counts.</param>
/// <param name="AllowsPromise">Whether 容缺受理 / 告知承诺 is offered at this standing (<see cref="CreditRules.PromiseAllowedUpTo"/>).</param>
public sealed record CreditAssessment(string SubjectId, DateTimeOffset At, CreditStanding Standing, int Points, IReadOnlyList<CreditRecord> InForce,
    CreditRecord? Deciding, bool AllowsPromise)
{
    /// <summary>The kinds of the records in force, each once, in enum order.</summary>
    public IReadOnlyList<CreditRecordKind> Kinds => [.. InForce.Select(r => r.Kind).Distinct().Order()];

    /// <summary>What a process sees: <c>{ standing: "Warned", points: 3, kinds: ["BrokenPromise"] }</c>.</summary>
    public JsonObject ToProcessInput() => new()
    {
        ["standing"] = Standing.ToString(),
        ["points"] = Points,
        ["kinds"] = new JsonArray(Kinds.Select(k => (JsonNode?)JsonValue.Create(k.ToString())).ToArray()),
    };

    /// <summary>The timeline's detail: the standing, its points, and each record in force by document number.</summary>
    public string Describe() =>
        InForce.Count == 0
            ? $"{Standing} ({StandingName(Standing)}), {Points} points, no record in force"
            : $"{Standing} ({StandingName(Standing)}), {Points} points: {string.Join("; ", InForce.Select(r => $"{r.Kind} {r.DocumentNumber} ({r.SourceDepartmentCode})"))}";

    /// <summary>
    /// Why 容缺受理 / 告知承诺 is not offered: the standing and the deciding record. The standing and the kind are passed as
    /// values, so the pages say their labels (失信, 失信被执行人) where the API's English sentence names them.
    /// </summary>
    public Refusal PromiseRefusal() => Deciding is { } record
        ? Refusal.Of(RefusalCode.CreditStandingExcludesPromise,
            $"the applicant's credit standing is {Standing}: record {record.DocumentNumber} of {record.SourceDepartmentCode} ({record.Kind}) excludes acceptance under a promise (容缺受理, 告知承诺)")
        : Refusal.Of(RefusalCode.CreditStandingExcludesPromise,
            $"the applicant's credit standing is {Standing}: record {"-"} of {"-"} ({"-"}) excludes acceptance under a promise (容缺受理, 告知承诺)");

    public static string StandingName(CreditStanding standing) => standing switch
    {
        CreditStanding.Good => "良好",
        CreditStanding.Fair => "一般",
        CreditStanding.Warned => "警示",
        _ => "失信",
    };
}
