using System.Text.Json.Nodes;
using Approval.Workflows.Calendar;
using Approval.Workflows.Catalog;
using Approval.Workflows.Cases;
using Microsoft.Extensions.Time.Testing;

namespace Approval.Tests.Workflows.Cases;

/// <summary>Test data for cases: an item, a clock in Beijing time, and a case received at a given instant.</summary>
internal sealed class ACase
{
    public static readonly ApprovalItem FoodLicense = new()
    {
        Code = "SC-001",
        Name = "食品经营许可",
        Kind = ItemKind.Promised,
        LeadDepartmentCode = "samr",
        LegalBasis = "《中华人民共和国食品安全法》第三十五条",
        StatutoryLimitDays = 20,
        PromisedLimitDays = 10,
        ProcessDefinitionId = "food-business-license",
        Result = new ItemResult("食品经营许可证", ResultKind.Certificate),
    };

    public static readonly ApprovalItem EnterpriseEstablishment = FoodLicense with
    {
        Code = "QY-001",
        Name = "企业设立登记",
        Kind = ItemKind.Joint,
        PromisedLimitDays = 15,
        ProcessDefinitionId = "enterprise-establishment",
        ParallelReviews = [new ParallelReview("tax", 5), new ParallelReview("fire", 5)],
    };

    public FakeTimeProvider Time { get; }
    public CaseClock Clock { get; }
    public Case Case { get; }

    private ACase(ApprovalItem item, DateTimeOffset receivedAt)
    {
        Time = new FakeTimeProvider(receivedAt);
        Clock = new CaseClock(new DueInstantCalculator(WorkingDayCalendar.Official, new BusinessHours()), new CaseRules(), Time);
        Case = Case.Submit("case-1", "20261124-000001", "Q7K2M9XA", item,
            new Applicant(ApplicantKind.Person, "11010519491231002X", "张三"), new JsonObject { ["shopName"] = "张三小吃" }, "applicant", receivedAt, new CaseRules());
    }

    public static ACase ForItem(ApprovalItem item, string receivedBeijing) => new(item, Beijing(receivedBeijing));

    public static DateTimeOffset Beijing(string local) =>
        DateTimeOffset.Parse(local + "+08:00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Moves the clock to a Beijing local time.</summary>
    public ACase At(string beijing)
    {
        Time.SetUtcNow(Beijing(beijing));
        return this;
    }
}
