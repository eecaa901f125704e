using Approval.Workflows.Calendar;

namespace Approval.Workflows.Cases;

/// <summary>The legal periods a case is held to (domain.md §4), in working days. Bound from <c>Approval:Rules</c>.</summary>
public sealed class CaseRules
{
    /// <summary>Art. 32: the window answers an application within this many working days, else it counts as accepted.</summary>
    public int AcceptanceWindowDays { get; set; } = 5;

    /// <summary>Art. 42: an ordinary extension.</summary>
    public int ExtensionDays { get; set; } = 10;

    /// <summary>Art. 42: the extension for joint, unified or concentrated handling.</summary>
    public int JointExtensionDays { get; set; } = 15;

    /// <summary>Art. 44: the result is handed out within this many working days of the decision.</summary>
    public int DeliveryDays { get; set; } = 10;

    /// <summary>Art. 38: what a refusal tells the applicant of their rights.</summary>
    public string AppealRights { get; set; } =
        "如不服本决定，可在收到本决定之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。" +
        " (You may apply for administrative reconsideration within 60 days of receiving this decision, or bring an administrative lawsuit within six months.)";

    /// <summary>What counts as a reason that says nothing (refusals, suspensions). Bound from <c>Approval:Rules:EmptyReasons</c>.</summary>
    public EmptyReasons EmptyReasons { get; set; } = new();
}

/// <summary>The clock of a case: the calendar, business hours and the legal periods.</summary>
public sealed class CaseClock(DueInstantCalculator due, CaseRules rules, TimeProvider time)
{
    public DueInstantCalculator Due => due;
    public CaseRules Rules => rules;
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>When the window's answer to an application received at <paramref name="receivedAt"/> is due.</summary>
    public DateTimeOffset AcceptanceDeadline(DateTimeOffset receivedAt) => due.DueAt(receivedAt, rules.AcceptanceWindowDays)!.Value;
}
