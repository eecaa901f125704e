using System.Security.Claims;
using Approval.Api.Contract;
using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Approval.Workflows.Attachments;
using Approval.Workflows.Cases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Api.Attachments;

/// <summary>Files of a case: the applicant's and the window's uploads, read by whoever may read the case.</summary>
internal static class AttachmentEndpoints
{
    public static RouteGroupBuilder MapAttachmentEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/cases/{caseId}/attachments");
        group.MapPost("/", UploadAsync).RequireAuthorization(Policies.Submitter).DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Attaches a file (multipart field 'file', optional 'materialCode'): PDF, JPEG, PNG, OFD or DOCX up to 20 MB.")
            .WithDescription("The content is checked against its type, stored outside the database by its SHA-256, and recorded on the case's timeline.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithTags(UserGroups.Applicants, UserGroups.Window).WithName("AttachFile");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Lists a case's files.").WithDescription("Each file's id, kept name, type and size, and the material it stands for. Only for those who may read the case (404 otherwise).").WithTags(UserGroups.Applicants, UserGroups.Window, UserGroups.Departments, UserGroups.Supervision).WithName("ListAttachments");
        group.MapGet("/{attachmentId}", DownloadAsync).RequireAuthorization(Policies.SignedIn)
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf", "image/jpeg", "image/png", "application/ofd", "application/vnd.openxmlformats-officedocument.wordprocessingml.document").WithSummary("Downloads a file of a case.")
            .ProducesProblem(StatusCodes.Status404NotFound).WithDescription("The file as uploaded, with its recorded type and kept name. Only for those who may read the case (404 otherwise, as for a missing file).").WithTags(UserGroups.Applicants, UserGroups.Window, UserGroups.Departments, UserGroups.Supervision).WithName("DownloadAttachment");
        return group;
    }

    private static async Task<Results<Created<Attachment>, ProblemHttpResult>> UploadAsync(string caseId, IFormFile? file, string? materialCode,
        ClaimsPrincipal principal, ICaseSessions sessions, CaseFiles files, CancellationToken cancellationToken)
    {
        if (file is null)
            return TypedResults.Problem(Problems.InvalidField("file", ApiReasons.FileAsPart));
        if (await CasesEndpoints.ReadableAsync(caseId, principal.ToUser()!, sessions, cancellationToken) is null)
            return CasesEndpoints.NotFound(caseId);
        await using var content = file.OpenReadStream();
        var attachment = await files.AttachAsync(caseId, file.FileName, file.ContentType, file.Length, content, materialCode,
            CasesEndpoints.Acting(principal).Name, cancellationToken);
        return TypedResults.Created($"/api/cases/{caseId}/attachments/{attachment.Id}", attachment);
    }

    private static async Task<Results<Ok<IReadOnlyList<Attachment>>, ProblemHttpResult>> ListAsync(string caseId, ClaimsPrincipal principal, ICaseSessions sessions,
        CancellationToken cancellationToken) =>
        await CasesEndpoints.ReadableAsync(caseId, principal.ToUser()!, sessions, cancellationToken) is { } @case
            ? TypedResults.Ok(@case.Attachments)
            : CasesEndpoints.NotFound(caseId);

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(string caseId, string attachmentId, ClaimsPrincipal principal,
        ICaseSessions sessions, CaseFiles files, CancellationToken cancellationToken)
    {
        var @case = await CasesEndpoints.ReadableAsync(caseId, principal.ToUser()!, sessions, cancellationToken);
        var attachment = @case?.Attachments.FirstOrDefault(a => a.Id == attachmentId);
        if (attachment is null || await files.OpenAsync(attachment, cancellationToken) is not { } stream)
            return TypedResults.Problem(Problems.NotFound($"No file {attachmentId} on a case {caseId} that you may see."));
        // Names stored before they were sanitized are served sanitized too: no path, no control characters in Content-Disposition.
        return TypedResults.File(stream, attachment.ContentType, AttachmentName.Sanitize(attachment.FileName));
    }
}
