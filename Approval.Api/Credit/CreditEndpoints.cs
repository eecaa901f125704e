using Approval.Api.Contract;
using System.Security.Claims;
using System.Text;
using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Approval.Workflows.Attachments;
using Approval.Workflows.Credit;
using Approval.Workflows.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Api.Credit;

/// <summary>
/// The credit-record store (诚信记录信息库) over HTTP: departments and administrators enter, repair and revoke records
/// (never delete); administrators import a provincial platform's CSV; a subject's standing is read by the applicant
/// (their own), a reviewer holding a task of that applicant, supervisors and administrators — nobody else.
/// </summary>
internal static class CreditEndpoints
{
    /// <summary>The largest CSV an import takes.</summary>
    public const int MaxImportBytes = 5 * 1024 * 1024;

    public static RouteGroupBuilder MapCreditEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/credit")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/records", EnterAsync).RequireAuthorization(Policies.CreditKeepers)
            .WithSummary("Enters a credit record (守信 ATaxpayer, Award; 失信 DishonestJudgmentDebtor, SeriousViolation, AdministrativePenalty, BrokenPromise) about a resident ID or unified social credit code.")
            .WithDescription("A department enters records it is the source of; an administrator any. Dates YYYY-MM-DD; expiresOn optional (the first day it no longer counts). Each wrong field answers 400 naming it.")
            .ProducesProblem(StatusCodes.Status400BadRequest).WithTags(UserGroups.Departments, UserGroups.Administration).WithName("AddCreditRecord");
        group.MapGet("/records/{recordId}", GetAsync).RequireAuthorization(Policies.SignedIn)
            .WithSummary("A credit record and every change made to it (who, when, before and after), for whoever may see its subject, or its source department.")
            .ProducesProblem(StatusCodes.Status404NotFound).WithDescription("Anyone else gets 404, as if the record did not exist.").WithTags(UserGroups.Applicants, UserGroups.Departments, UserGroups.Supervision, UserGroups.Administration).WithName("GetCreditRecord");
        group.MapPost("/records/{recordId}/repair", RepairAsync).RequireAuthorization(Policies.CreditKeepers)
            .WithSummary("信用修复: a bad record stops counting now, kept with the reason (body { reason }).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithDescription("Only a bad (失信) record is repaired, by its source department or an administrator; it is kept, and counts for instants before the repair.").WithTags(UserGroups.Departments, UserGroups.Administration).WithName("MarkCreditRecordRepaired");
        group.MapPost("/records/{recordId}/revoke", RevokeAsync).RequireAuthorization(Policies.CreditKeepers)
            .WithSummary("撤销: a record entered in error stops counting now, kept with the reason (body { reason }); nothing is deleted.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithDescription("By its source department or an administrator; a revoked record counts for no instant. Revoking twice answers 409.").WithTags(UserGroups.Departments, UserGroups.Administration).WithName("MarkCreditRecordRevoked");
        group.MapPost("/records/{recordId}/evidence", AttachEvidenceAsync).RequireAuthorization(Policies.CreditKeepers).DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Attaches the file proving a record (multipart field 'file': the decision document, PDF, JPEG, PNG, OFD or DOCX up to 20 MB), once.")
            .WithDescription("Checked like a case's files (size, type, content), kept in the attachment store for as long as the record. A second file answers 409.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithTags(UserGroups.Departments, UserGroups.Administration).WithName("AttachCreditEvidence");
        group.MapGet("/records/{recordId}/evidence", DownloadEvidenceAsync).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Downloads the file proving a record, for whoever may see the record.")
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf", "image/jpeg", "image/png", "application/ofd", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            .ProducesProblem(StatusCodes.Status404NotFound).WithDescription("The file as it was attached, with its own content type; anyone who may not see the record gets 404.").WithTags(UserGroups.Applicants, UserGroups.Departments, UserGroups.Supervision, UserGroups.Administration).WithName("DownloadCreditEvidence");
        group.MapGet("/subjects/{subjectId}", StandingAsync).RequireAuthorization(Policies.SignedIn)
            .WithSummary("A subject's credit standing (良好 Good, 一般 Fair, 警示 Warned, 失信 Dishonest) now, or as of at (an instant), with every record.")
            .WithDescription("Seen by the applicant (their own), a reviewer or head holding an open task of that applicant, supervisors and administrators; anyone else gets 404.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).WithTags(UserGroups.Departments, UserGroups.Supervision, UserGroups.Administration).WithName("GetCreditStanding");
        // No Accepts metadata: routing would answer a body of another type 415 before authorization; the handler says so itself.
        group.MapPost("/imports", ImportAsync).RequireAuthorization(Policies.Administrator)
            .WithSummary("Imports a provincial credit platform's export (the body: CSV, Content-Type text/csv, UTF-8, a header row): all or nothing per file.")
            .WithDescription("Columns by header, Chinese or English: 主体代码 subjectId, 主体名称 subjectName, 记录类型 kind (enum name or A级纳税人, 表彰奖励, 失信被执行人, 严重违法失信名单, 行政处罚, 承诺失信), 认定部门 sourceDepartmentCode (code or name), 决定文书号 documentNumber, 事由 summary, 生效日期 effectiveOn, 截止日期 expiresOn. Any rejected row: 422, a problem detail whose errors name each rejected field by its line (rows[3].subjectId) and whose rejected lists each rejected row { line, errors: [{ field, reason }] }; nothing is saved.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity).WithTags(UserGroups.Administration).WithName("UploadCreditRecords");

        routes.MapGet("/api/supervision/promises", PromisesAsync).RequireAuthorization(Policies.Oversight)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Promises made from..to (days, Beijing, included; default the last 30) per item, lead department and path (MissingMaterials 容缺, Commitment 告知承诺): kept, broken (a BrokenPromise credit record), open, withdrawn, kept rate.")
            .WithDescription("A 容缺 promise is kept when its materials arrived within the promised days, broken when the deadline passed without them; a 告知承诺 is kept when verified true, broken when found false (the decision revoked), open until verified. The kept rate counts kept among ended.").WithTags(UserGroups.Supervision).WithName("GetPromiseOutcomes");

        routes.MapGet("/api/me/credit", MineAsync).RequireAuthorization(Policies.Applicant)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("The applicant's own credit standing now and every record about them.").WithDescription("The standing decides whether 容缺受理 and 告知承诺 are offered; an account without a resident ID or credit code answers 404.").WithTags(UserGroups.Applicants).WithName("GetMyCreditStanding");
        return group;
    }

    private static async Task<Results<Created<CreditRecordView>, ProblemHttpResult>> EnterAsync(CreditRecordRequest request, ClaimsPrincipal principal,
        CreditRegister register, CreditStandings standings, TimeProvider time, CancellationToken cancellationToken)
    {
        var record = await register.EnterAsync(Acting(principal), request.ToEntry(), cancellationToken);
        return TypedResults.Created($"/api/credit/records/{record.Id}", View(record, standings, time.GetUtcNow()));
    }

    private static async Task<Results<Ok<CreditRecordHistoryView>, ProblemHttpResult>> GetAsync(string recordId, ClaimsPrincipal principal, ICreditRecords records,
        CreditVisibility visibility, CreditStandings standings, TimeProvider time, CancellationToken cancellationToken)
    {
        var user = principal.ToUser()!;
        var record = await records.FindAsync(recordId, cancellationToken);
        if (record is null || !await MaySeeAsync(user, record, visibility, cancellationToken))
            return NotFound($"No credit record {recordId} that you may see.");
        var changes = await records.ChangesAsync(recordId, cancellationToken);
        return TypedResults.Ok(new CreditRecordHistoryView(View(record, standings, time.GetUtcNow()),
            [.. changes.Select(c => new CreditChangeView(c.At, c.By, c.Kind, c.Before is null ? null : View(c.Before, standings, c.At), View(c.After, standings, c.At)))]));
    }

    private static async Task<Results<Ok<CreditRecordView>, ProblemHttpResult>> AttachEvidenceAsync(string recordId, IFormFile? file, ClaimsPrincipal principal,
        CreditRegister register, IAttachmentStorage storage, AttachmentRules rules, CreditStandings standings, TimeProvider time, CancellationToken cancellationToken)
    {
        if (file is null)
            return TypedResults.Problem(Problems.InvalidField("file", ApiReasons.FileAsPart));
        var actor = Acting(principal);
        await register.ChangeableAsync(actor, recordId, cancellationToken);
        var name = AttachmentName.Sanitize(file.FileName);
        if (rules.Problem(name, file.ContentType, file.Length) is { } problem)
            return TypedResults.Problem(Problems.InvalidField("file", problem.Text));
        await using var content = new MemoryStream();
        await using (var upload = file.OpenReadStream())
            await upload.CopyToAsync(content, cancellationToken);
        if (!AttachmentRules.LooksLike(file.ContentType, content.GetBuffer().AsSpan(0, (int)Math.Min(8, content.Length))))
            return TypedResults.Problem(Problems.InvalidField("file", ApiReasons.ContentNotOfType(file.ContentType)));
        content.Position = 0;
        if (await storage.PutAsync(content, rules.MaxBytes, cancellationToken) is not { } stored)
            return TypedResults.Problem(Problems.InvalidField("file", ApiReasons.FileLargerThan((int)(rules.MaxBytes / (1024 * 1024)))));
        var evidence = new CreditEvidence(name, file.ContentType, stored.Size, stored.Sha256, time.GetUtcNow(), actor.Name);
        return TypedResults.Ok(View(await register.AttachEvidenceAsync(actor, recordId, evidence, cancellationToken), standings, time.GetUtcNow()));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadEvidenceAsync(string recordId, ClaimsPrincipal principal, ICreditRecords records,
        CreditVisibility visibility, IAttachmentStorage storage, CancellationToken cancellationToken)
    {
        var record = await records.FindAsync(recordId, cancellationToken);
        if (record?.Evidence is not { } evidence || !await MaySeeAsync(principal.ToUser()!, record, visibility, cancellationToken)
            || await storage.OpenAsync(evidence.Sha256, cancellationToken) is not { } stream)
            return NotFound($"No evidence of a credit record {recordId} that you may see.");
        return TypedResults.File(stream, evidence.ContentType, AttachmentName.Sanitize(evidence.FileName));
    }

    // The subject's viewers, and the staff of the department the record comes from.
    private static async Task<bool> MaySeeAsync(User user, CreditRecord record, CreditVisibility visibility, CancellationToken cancellationToken) =>
        user.DepartmentCode == record.SourceDepartmentCode && user.Role is Role.DepartmentReviewer or Role.DepartmentHead
        || await visibility.MaySeeAsync(user, record.SubjectId, cancellationToken);

    private static async Task<Results<Ok<CreditRecordView>, ProblemHttpResult>> RepairAsync(string recordId, ReasonRequest? request, ClaimsPrincipal principal,
        CreditRegister register, CreditStandings standings, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Reason))
            return TypedResults.Problem(Problems.InvalidField("reason", ApiReasons.RepairStatesReason));
        return TypedResults.Ok(View(await register.RepairAsync(Acting(principal), recordId, request.Reason, cancellationToken), standings, time.GetUtcNow()));
    }

    private static async Task<Results<Ok<CreditRecordView>, ProblemHttpResult>> RevokeAsync(string recordId, ReasonRequest? request, ClaimsPrincipal principal,
        CreditRegister register, CreditStandings standings, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Reason))
            return TypedResults.Problem(Problems.InvalidField("reason", ApiReasons.RevocationStatesReason));
        return TypedResults.Ok(View(await register.RevokeAsync(Acting(principal), recordId, request.Reason, cancellationToken), standings, time.GetUtcNow()));
    }

    private static async Task<Results<Ok<CreditStandingView>, ProblemHttpResult>> StandingAsync(string subjectId, [FromQuery] DateTimeOffset? at,
        ClaimsPrincipal principal, CreditVisibility visibility, CreditStandings standings, ICreditRecords records, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!CreditSubject.TryParse(subjectId, out var subject, out var reason))
            return TypedResults.Problem(Problems.InvalidField("subjectId", reason!.Text));
        if (!await visibility.MaySeeAsync(principal.ToUser()!, subject.Id, cancellationToken))
            return NotFound($"No credit information about {subject.Id} that you may see.");
        return TypedResults.Ok(await StandingOfAsync(subject.Id, at ?? time.GetUtcNow(), standings, records, cancellationToken));
    }

    private static async Task<Results<Ok<CreditStandingView>, ProblemHttpResult>> MineAsync(ClaimsPrincipal principal, CreditStandings standings,
        ICreditRecords records, TimeProvider time, CancellationToken cancellationToken)
    {
        var user = principal.ToUser()!;
        if (string.IsNullOrWhiteSpace(user.ApplicantIdNumber))
            return NotFound("Your account has no resident ID or credit code.");
        return TypedResults.Ok(await StandingOfAsync(user.ApplicantIdNumber.ToUpperInvariant(), time.GetUtcNow(), standings, records, cancellationToken));
    }

    private static async Task<Results<Ok<CreditImportReport>, ProblemHttpResult>> ImportAsync(HttpRequest request,
        ClaimsPrincipal principal, CreditImport import, CancellationToken cancellationToken)
    {
        if (request.ContentType is { } type && !type.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
            return TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status415UnsupportedMediaType, Title = "The file is not CSV text", Detail = $"Content-Type: send the file as text/csv, not {type}", Extensions = { ["errors"] = new Dictionary<string, string[]> { ["Content-Type"] = [$"send the file as text/csv, not {type}"] } } });
        if (request.ContentLength > MaxImportBytes)
            return TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status413PayloadTooLarge, Title = "The file is too large", Detail = $"file: at most {MaxImportBytes / 1024 / 1024} MB", Extensions = { ["errors"] = new Dictionary<string, string[]> { ["file"] = [$"at most {MaxImportBytes / 1024 / 1024} MB"] } } });
        using var reader = new StreamReader(request.Body, new UTF8Encoding(false, throwOnInvalidBytes: false));
        var buffer = new char[MaxImportBytes + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        if (read > MaxImportBytes)
            return TypedResults.Problem(Problems.InvalidField("file", ApiReasons.AtMostMegabytes(MaxImportBytes / 1024 / 1024)));
        if (read == 0)
            return TypedResults.Problem(Problems.InvalidField("file", ApiReasons.CsvAsBody));
        var report = await import.ImportAsync(Acting(principal), new string(buffer, 0, read), cancellationToken);
        if (report.Saved)
            return TypedResults.Ok(report);
        // A problem detail like every refusal, its errors keyed by the file's line (rows[3].subjectId), and the report beside them.
        var problem = Problems.UnprocessableFields(report.Rejected.SelectMany(r => r.Errors.Select(e => ($"rows[{r.Line}].{e.Field}", e.Reason))),
            "Rows of the file were rejected: nothing was imported");
        problem.Extensions["rows"] = report.Rows;
        problem.Extensions["imported"] = 0;
        problem.Extensions["rejected"] = report.Rejected;
        return TypedResults.Problem(problem);
    }

    private static async Task<Results<Ok<IReadOnlyList<PromiseOutcomes>>, ProblemHttpResult>> PromisesAsync([FromQuery] DateOnly? from, [FromQuery] DateOnly? to,
        PromiseReport report, CreditStandings standings, TimeProvider time, CancellationToken cancellationToken)
    {
        var last = to ?? standings.Hours.DateOf(time.GetUtcNow());
        var first = from ?? last.AddDays(-29);
        if (first > last)
            return TypedResults.Problem(Problems.InvalidField("from", ApiReasons.FirstDayAfterLast(first, last)));
        return TypedResults.Ok(await report.ForAsync(first, last, cancellationToken));
    }

    private static async Task<CreditStandingView> StandingOfAsync(string subjectId, DateTimeOffset at, CreditStandings standings, ICreditRecords records,
        CancellationToken cancellationToken)
    {
        var all = await records.OfSubjectAsync(subjectId, cancellationToken);
        return CreditStandingView.Of(standings.Rules.Assess(subjectId, all, at, standings.Hours), all);
    }

    // Whether the record counts at the instant, by the rules (its counting period too), as a standing would see it.
    private static CreditRecordView View(CreditRecord record, CreditStandings standings, DateTimeOffset at) =>
        CreditRecordView.Of(record, standings.Rules.Assess(record.SubjectId, [record], at, standings.Hours).InForce.Count > 0);

    private static Actor Acting(ClaimsPrincipal principal) => Actor.Of(principal.ToUser()!);

    private static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(Problems.NotFound(detail));
}
