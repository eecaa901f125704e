using Approval.Api.Contract;
using Approval.Api.Identity;
using Approval.Workflows.Calendar;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Api.Audit;

/// <summary>The audit log's verification, for supervisors and administrators.</summary>
internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder routes)
    {
        var audit = routes.MapGroup("/api/audit").WithTags(UserGroups.Supervision, UserGroups.Administration).RequireAuthorization(Policies.Oversight)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        audit.MapGet("/verification", VerifyAsync)
            .WithSummary("Verifies the tamper-evident audit log: every entry's hash from the first on, the head, and the latest head the service center signed.")
            .WithDescription("Supervisors and administrators call it to check nothing was edited, deleted or reordered; it answers the entries checked and the first broken entry with its sequence and the kind of break.")
            .Produces<AuditVerificationView>(StatusCodes.Status200OK).WithName("GetAuditVerification");
        return routes;
    }

    private static async Task<Ok<AuditVerificationView>> VerifyAsync(AuditVerification verification, BusinessHours hours, CancellationToken cancellationToken) =>
        TypedResults.Ok(AuditVerificationView.Of(await verification.VerifyAsync(cancellationToken), hours.Zone));
}

/// <summary>A verification as the API answers it: instants in the service center's time.</summary>
public sealed record AuditVerificationView(bool Intact, long EntriesChecked, long HeadSequence, string HeadHash, AuditSignedHeadView? SignedHead,
    AuditBrokenEntry? FirstBroken)
{
    public static AuditVerificationView Of(AuditVerificationResult result, TimeZoneInfo zone) => new(result.Intact, result.EntriesChecked,
        result.HeadSequence, result.HeadHash,
        result.SignedHead is { } signed ? new AuditSignedHeadView(signed.Sequence, signed.Hash, TimeZoneInfo.ConvertTime(signed.SignedAt, zone), signed.CertificateSerial) : null,
        result.FirstBroken);
}

public sealed record AuditSignedHeadView(long Sequence, string Hash, DateTimeOffset SignedAt, string CertificateSerial);
