using System.Text.Json.Nodes;
using Approval.Api.Endpoints;
using Approval.Api.WorkLists;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Approval.Api.Hosting;

/// <summary>
/// Examples in Swagger for the requests people type by hand, and for the work lists' lines: what a real 企业设立登记 looks like.
/// </summary>
internal sealed class RequestExamples : ISchemaFilter
{
    private static readonly Dictionary<Type, Func<JsonNode>> Examples = new()
    {
        [typeof(SubmitRequest)] = () => new JsonObject
        {
            ["itemCode"] = "QY-SL-001",
            ["applicant"] = new JsonObject { ["kind"] = "Person", ["idNumber"] = "11010519491231002X", ["name"] = "张三", ["phone"] = "13800000000" },
            ["form"] = new JsonObject
            {
                ["companyName"] = "云浮市张三科技有限公司",
                ["registeredCapital"] = 100,
                ["businessScope"] = "软件开发；信息技术咨询服务",
                ["address"] = "云浮市云城区建设北路1号",
                ["legalRepresentativeId"] = "11010519491231002X",
            },
        },
        [typeof(AcceptRequest)] = () => new JsonObject { ["missingMaterials"] = new JsonArray("premises"), ["promisedBy"] = "2026-12-04" },
        [typeof(PromisedMaterialsRequest)] = () => new JsonObject { ["materialCodes"] = new JsonArray("premises") },
        [typeof(ReasonRequest)] = () => new JsonObject { ["reason"] = "申请事项依法不属于本机关职权范围" },
        [typeof(SupplementRequestBody)] = () => new JsonObject { ["missingMaterials"] = new JsonArray("住所使用证明", "公司章程（全体股东签字页）") },
        [typeof(SuspendRequest)] = () => new JsonObject { ["reason"] = "消防设计需组织专家评审", ["expectedDays"] = 5 },
        [typeof(OpinionRequest)] = () => new JsonObject { ["verdict"] = "ApproveWithConditions", ["reason"] = "须安装油烟净化设施" },
        [typeof(DecisionRequest)] = () => new JsonObject { ["verdict"] = "Approve", ["reason"] = null },
        [typeof(HandOverRequest)] = () => new JsonObject { ["to"] = "tax-head", ["reason"] = "审查员休假" },
        [typeof(CorrectionRequest)] = () => new JsonObject { ["taskId"] = "(a task id from the case)", ["reason"] = "消防意见录入错误" },
        [typeof(Notifications.Feedback.ContactProfileInput)] = () => new JsonObject
        {
            ["email"] = "zhangsan@example.cn", ["phone"] = "13800138000", ["byEmail"] = true, ["bySms"] = true, ["language"] = "zh-CN",
        },
        [typeof(Notifications.Feedback.TemplateInput)] = () => new JsonObject
        {
            ["title"] = "已受理：办件 {caseNumber}",
            ["body"] = "{applicantName}：您申请的「{itemName}」（办件编号 {caseNumber}）已于 {acceptedAt} 受理，承诺办结期限 {promisedDueDate}（法定期限 {legalDueDate}）。",
            ["sms"] = "【政务服务】办件{caseNumber}已受理，承诺{promisedDueDate}前办结。",
        },
        [typeof(ApplicantCase)] = () => new JsonObject
        {
            ["caseId"] = "3f2b8c1e9d7a4e60b5c2a1d0e9f8a7b6", ["number"] = "20261124-000001", ["queryCode"] = "K7M2Q9XR4T",
            ["itemCode"] = "QY-SL-001", ["itemName"] = "企业设立登记", ["status"] = "InReview", ["level"] = "Green",
            ["receivedAt"] = "2026-11-24T02:00:00+00:00", ["dueAt"] = "2026-12-15T09:30:00+00:00",
            ["nextStep"] = "PromisedMaterials", ["nextDeadline"] = "2026-12-01T09:30:00+00:00", ["rating"] = null,
        },
        [typeof(WorkListCase)] = () => new JsonObject
        {
            ["caseId"] = "3f2b8c1e9d7a4e60b5c2a1d0e9f8a7b6", ["number"] = "20261124-000001", ["itemCode"] = "QY-SL-001", ["itemName"] = "企业设立登记",
            ["applicantName"] = "张三", ["applicantIdMasked"] = "110105********002X", ["status"] = "Submitted", ["level"] = "Green",
            ["leadDepartmentCode"] = "samr", ["leadDepartmentName"] = "市场监督管理局", ["receivedAt"] = "2026-11-24T02:00:00+00:00",
            ["acceptedAt"] = null, ["dueAt"] = null, ["windowDueAt"] = "2026-12-01T09:30:00+00:00", ["promiseDueAt"] = null, ["closedAt"] = null,
            ["acceptingWindowCode"] = null,
        },
        [typeof(DepartmentTask)] = () => new JsonObject
        {
            ["taskId"] = "9a8b7c6d5e4f40312a1b0c9d8e7f6a5b", ["caseId"] = "3f2b8c1e9d7a4e60b5c2a1d0e9f8a7b6", ["caseNumber"] = "20261124-000001",
            ["itemCode"] = "QY-SL-001", ["itemName"] = "企业设立登记", ["applicantName"] = "张三", ["departmentCode"] = "fire", ["status"] = "Open",
            ["level"] = "Prompt", ["claimedBy"] = "fire-head", ["delegatedBy"] = "fire-reviewer",
            ["openedAt"] = "2026-11-24T06:00:00+00:00", ["dueAt"] = "2026-12-01T09:30:00+00:00",
        },
        [typeof(WorkListCountsView)] = () => new JsonObject
        {
            ["counts"] = new JsonObject { ["awaitingAcceptance"] = 12, ["supplementsReturned"] = 2, ["promisesDue"] = 3, ["resultsReady"] = 5 },
        },
        [typeof(StartRequest)] = () => new JsonObject { ["definitionId"] = "demo-parallel-review", ["input"] = new JsonObject(), ["correlationId"] = null },
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema concrete && Examples.TryGetValue(context.Type, out var example))
        {
            // The document is OpenAPI 3.0, whose schema carries one `example` (the `examples` array is 3.1's).
#pragma warning disable CS0618
            concrete.Example = example();
#pragma warning restore CS0618
        }
    }
}
