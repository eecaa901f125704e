using Approval.Api.Contract;
using System.Security.Claims;
using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Approval.Workflows.People;
using Approval.Workflows.Seal;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Approval.Api.Seal;

/// <summary>
/// Sealed results (电子签章): a case's sealed documents for whoever reads the case (the applicant once delivered), the
/// public verification and revocation list, and the administrators' certificates.
/// </summary>
internal static class SealEndpoints
{
    public static IEndpointRouteBuilder MapSealEndpoints(this IEndpointRouteBuilder routes)
    {
        var documents = routes.MapGroup("/api/cases/{caseId}/documents").ProducesProblem(StatusCodes.Status401Unauthorized);
        documents.MapGet("/", ListAsync).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Lists the sealed documents of the case's decision (准予/不予许可决定书, and the licence when granted), sealing them if not yet.")
            .WithDescription("Staff who read the case get them once decided; the applicant once the result is handed out (409 before).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithTags(UserGroups.Applicants, UserGroups.Window, UserGroups.Departments, UserGroups.Supervision).WithName("ListCaseDocuments");
        documents.MapGet("/{documentId}", DownloadAsync).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Downloads a sealed document: the PDF exactly as signed.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithDescription("Who may list the documents may download them. The bytes are those the signature covers: keep them unchanged to verify.").WithTags(UserGroups.Applicants, UserGroups.Window, UserGroups.Departments, UserGroups.Supervision).WithName("DownloadCaseDocument");
        documents.MapGet("/{documentId}/signature", DownloadSignatureAsync).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Downloads the detached signature of a sealed document (.seal.json): digest, signer, signing time, certificate chain, signature.")
            .Produces<Approval.Workflows.Seal.SealEnvelope>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithDescription("Give it with the PDF to POST /api/verify, or keep it to verify offline with the product's root certificate (GET /api/seal/root).").WithTags(UserGroups.Applicants, UserGroups.Window, UserGroups.Departments, UserGroups.Supervision).WithName("DownloadCaseDocumentSignature");

        var verify = routes.MapGroup("/api/verify").AllowAnonymous().RequireRateLimiting(RateLimits.StatusQuery);
        verify.MapGet("/", VerifyStoredAsync)
            .WithSummary("Verifies a sealed document named by its QR code (case number and document id), without signing in.")
            .WithDescription("Answers the signer department, signing time, certificate chain to the product's root, unaltered or not, revoked or not: nothing of the case beyond its number.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).WithTags(UserGroups.Public).WithName("GetDocumentVerification");
        verify.MapPost("/", VerifyUploadAsync).DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Verifies an uploaded document (multipart field 'file'), with its detached signature (field 'signature') or alone.")
            .WithDescription("Without the signature the file is looked up among the sealed documents by its SHA-256: a file none has is Unknown.")
            .ProducesProblem(StatusCodes.Status400BadRequest).WithTags(UserGroups.Public).WithName("ValidateSealedDocument");

        var seal = routes.MapGroup("/api/seal").AllowAnonymous();
        seal.MapGet("/crl", RevocationListAsync)
            .WithSummary("The certificate revocation list of the issuing CA of an algorithm (DER, application/pkix-crl).")
            .Produces(StatusCodes.Status200OK, contentType: "application/pkix-crl").WithDescription("Signed by the issuing CA; a verifier offline checks a certificate against it. algorithm: EcdsaP256Sha256 (default) or Sm2Sm3.").WithTags(UserGroups.Public).WithName("GetRevocationList");
        seal.MapGet("/root", Root)
            .WithSummary("The root certificate of an algorithm's chain (DER, application/pkix-cert): what a verifier trusts.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pkix-cert").WithDescription("The self-signed root the product's CA issues department certificates under; a production deployment replaces it with its own.").WithTags(UserGroups.Public).WithName("GetSealRoot");

        var admin = routes.MapGroup("/api/admin/seal").WithTags(UserGroups.Administration).RequireAuthorization(Policies.Administrator)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapGet("/certificates", ListCertificatesAsync)
            .WithSummary("Every department's seal certificates, newest first, with their revocation.").WithDescription("Each certificate: department, algorithm (EcdsaP256Sha256 or Sm2Sm3), serial, validity, issuer, and the revocation with its reason and instant.").WithName("ListSealCertificates");
        admin.MapPost("/certificates/{serial}/revoke", RevokeAsync)
            .WithSummary("Revokes a seal certificate now (a reason is required): documents sealed before verify as valid when signed, revoked since.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).WithDescription("Body: { reason }. The revocation is published in the CRL of the certificate's algorithm at once; the department seals nothing more until issued a new certificate.").WithName("RevokeSealCertificate");
        admin.MapPost("/departments/{departmentCode}/certificates", IssueAsync)
            .WithSummary("Issues a department a new seal (key and certificate) in an algorithm: EcdsaP256Sha256 or Sm2Sm3 (GB/T 38540).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).WithDescription("Body: { algorithm } (optional: the department's configured algorithm). The key stays in the key store (never in the database); the department's earlier certificates stay valid for what they signed.").WithName("IssueSealCertificate");
        return routes;
    }

    private static async Task<Results<Ok<IReadOnlyList<SealedDocumentView>>, ProblemHttpResult>> ListAsync(string caseId, ClaimsPrincipal principal,
        ICaseSessions sessions, DecisionSeal seal, CancellationToken cancellationToken)
    {
        var (@case, problem) = await ReadableAsync(caseId, principal, sessions, cancellationToken);
        if (@case is null)
            return problem!;
        return TypedResults.Ok<IReadOnlyList<SealedDocumentView>>([.. (await seal.TryEnsureAsync(@case, cancellationToken)).Select(SealedDocumentView.For)]);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(string caseId, string documentId, ClaimsPrincipal principal,
        ICaseSessions sessions, SealedDocuments documents, CancellationToken cancellationToken)
    {
        var (record, problem) = await DocumentAsync(caseId, documentId, principal, sessions, documents, cancellationToken);
        return record is null ? problem! : TypedResults.File(record.Pdf, "application/pdf", record.FileName);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadSignatureAsync(string caseId, string documentId, ClaimsPrincipal principal,
        ICaseSessions sessions, SealedDocuments documents, CancellationToken cancellationToken)
    {
        var (record, problem) = await DocumentAsync(caseId, documentId, principal, sessions, documents, cancellationToken);
        return record is null ? problem!
            : TypedResults.File(System.Text.Encoding.UTF8.GetBytes(record.Envelope), "application/json", Path.ChangeExtension(record.FileName, ".seal.json"));
    }

    private static async Task<Results<Ok<SealVerification>, ProblemHttpResult>> VerifyStoredAsync([FromQuery(Name = "case")] string? caseNumber,
        [FromQuery(Name = "doc")] string? documentId, DocumentVerification verification, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(caseNumber))
            return TypedResults.Problem(Problems.InvalidField("case", ApiReasons.CaseNumberOnDocumentRequired));
        if (string.IsNullOrWhiteSpace(documentId))
            return TypedResults.Problem(Problems.InvalidField("doc", ApiReasons.DocumentIdRequired));
        return await verification.OfStoredAsync(caseNumber, documentId, cancellationToken) is { } verified
            ? TypedResults.Ok(verified)
            : TypedResults.Problem(Problems.NotFound($"No sealed document {documentId} of case {caseNumber}."));
    }

    private static async Task<Results<Ok<SealVerification>, ProblemHttpResult>> VerifyUploadAsync(IFormFile? file, IFormFile? signature,
        DocumentVerification verification, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
            return TypedResults.Problem(Problems.InvalidField("file", ApiReasons.DocumentAsPart));
        if (file.Length > DocumentVerification.MaxFileBytes || signature?.Length > DocumentVerification.MaxFileBytes)
            return TypedResults.Problem(Problems.InvalidField(file.Length > DocumentVerification.MaxFileBytes ? "file" : "signature", ApiReasons.TooLargeForSealedDocument));
        var bytes = await ReadAsync(file, cancellationToken);
        var envelope = signature is null ? null : System.Text.Encoding.UTF8.GetString(await ReadAsync(signature, cancellationToken));
        var (verified, problem) = await verification.OfUploadAsync(bytes, envelope, cancellationToken);
        return verified is not null ? TypedResults.Ok(verified) : TypedResults.Problem(Problems.InvalidField(problem!.Value.Field, problem.Value.Reason));
    }

    private static async Task<FileContentHttpResult> RevocationListAsync(DepartmentSeals seals, CancellationToken cancellationToken, SealAlgorithm algorithm = SealAlgorithm.EcdsaP256Sha256) =>
        TypedResults.File(await seals.RevocationListAsync(algorithm, cancellationToken), "application/pkix-crl", $"{algorithm}.crl");

    private static FileContentHttpResult Root(CertificateAuthority authority, SealAlgorithm algorithm = SealAlgorithm.EcdsaP256Sha256) =>
        TypedResults.File(authority.Root(algorithm).Certificate.GetEncoded(), "application/pkix-cert", $"{algorithm}-root.cer");

    private static async Task<Ok<IReadOnlyList<SealCertificate>>> ListCertificatesAsync(ISealCertificates certificates, CancellationToken cancellationToken) =>
        TypedResults.Ok(await certificates.ListAsync(cancellationToken));

    private static async Task<Results<Ok<SealCertificate>, ProblemHttpResult>> RevokeAsync(string serial, RevokeCertificateRequest? request, ClaimsPrincipal principal,
        DepartmentSeals seals, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Reason))
            return TypedResults.Problem(Problems.InvalidField("reason", ApiReasons.RevocationStatesReason));
        return await seals.RevokeAsync(serial, request!.Reason!.Trim(), CasesEndpoints.Acting(principal).Name, cancellationToken) is { } revoked
            ? TypedResults.Ok(revoked)
            : TypedResults.Problem(Problems.NotFound($"No seal certificate {serial}."));
    }

    private static async Task<Results<Created<SealCertificate>, ProblemHttpResult>> IssueAsync(string departmentCode, IssueSealRequest? request,
        ICatalog catalog, DepartmentSeals seals, IOptions<SealOptions> options, CancellationToken cancellationToken)
    {
        if ((await catalog.ListDepartmentsAsync(cancellationToken)).FirstOrDefault(d => d.Code == departmentCode) is not { } department)
            return TypedResults.Problem(Problems.NotFound($"No department {departmentCode}."));
        var (certificate, _) = await seals.IssueAsync(department.Code, department.Name, request?.Algorithm ?? options.Value.AlgorithmOf(department.Code), cancellationToken);
        return TypedResults.Created("/api/admin/seal/certificates", certificate);
    }

    // The applicant receives the documents with the result (on delivery); staff who read the case, once it is decided.
    private static async Task<(Case? Case, ProblemHttpResult? Problem)> ReadableAsync(string caseId, ClaimsPrincipal principal, ICaseSessions sessions,
        CancellationToken cancellationToken)
    {
        var user = principal.ToUser()!;
        if (await CasesEndpoints.ReadableAsync(caseId, user, sessions, cancellationToken) is not { } @case)
            return (null, CasesEndpoints.NotFound(caseId));
        if (user.Role == Role.Applicant && @case.Status != CaseStatus.Delivered)
            return (null, TypedResults.Problem(Problems.Conflict("the sealed documents are handed out with the result, once it is delivered")));
        return (@case, null);
    }

    private static async Task<(SealedDocumentRecord? Record, ProblemHttpResult? Problem)> DocumentAsync(string caseId, string documentId, ClaimsPrincipal principal,
        ICaseSessions sessions, SealedDocuments documents, CancellationToken cancellationToken)
    {
        var (@case, problem) = await ReadableAsync(caseId, principal, sessions, cancellationToken);
        if (@case is null)
            return (null, problem);
        return await documents.FindAsync(documentId, cancellationToken) is { } record && record.CaseId == @case.Id
            ? (record, null)
            : (null, TypedResults.Problem(Problems.NotFound($"No sealed document {documentId} of case {caseId}.")));
    }

    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
