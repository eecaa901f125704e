using Approval.Api.Identity;
using Approval.Api.Seal;
using Approval.Workflows.Catalog;
using Approval.Workflows.Inputs;
using Approval.Workflows.People;
using Approval.Workflows.Seal;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Approval.Api.Pages.Admin;

/// <summary>Where a seal certificate stands: what the administrator reads in its status column.</summary>
public enum SealCertificateState
{
    /// <summary>The department's newest certificate in force, in its configured algorithm: the one it seals with now.</summary>
    InUse,
    /// <summary>Not revoked and not expired, but the department seals with another: what it sealed still verifies.</summary>
    Earlier,
    Expired,
    Revoked,
}

/// <summary>
/// 电子印章证书: every department's seal certificates (algorithm, serial, validity, status), a new seal for a department,
/// and revoking one with its reason. The same services as <c>/api/admin/seal/…</c> (<see cref="DepartmentSeals"/>).
/// </summary>
public sealed class SealModel(ISealCertificates certificates, DepartmentSeals seals, ICatalog catalog, IOptions<SealOptions> options, TimeProvider time,
    IStringLocalizer<Localization.UiText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    /// <summary>The serial just issued (after the redirect), to say which.</summary>
    [BindProperty(SupportsGet = true, Name = "issued")]
    public string? IssuedSerial { get; set; }

    public IReadOnlyList<SealCertificate> Certificates { get; private set; } = [];
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public FieldError? Problem { get; private set; }

    public string DepartmentName(string code) => Departments.FirstOrDefault(d => d.Code == code)?.Name ?? code;

    public SealAlgorithm ConfiguredAlgorithm(string departmentCode) => options.Value.AlgorithmOf(departmentCode);

    public SealCertificateState StateOf(SealCertificate certificate)
    {
        if (certificate.RevokedAt is not null)
            return SealCertificateState.Revoked;
        var now = time.GetUtcNow();
        if (certificate.NotAfter <= now)
            return SealCertificateState.Expired;
        // As DepartmentSeals.CurrentAsync picks: the newest not revoked, if it is in the department's algorithm and in force.
        var newest = Certificates.Where(c => c.DepartmentCode == certificate.DepartmentCode && c.RevokedAt is null).MaxBy(c => c.IssuedAt);
        return newest == certificate && certificate.Algorithm == ConfiguredAlgorithm(certificate.DepartmentCode)
            ? SealCertificateState.InUse : SealCertificateState.Earlier;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostIssueAsync(string? departmentCode, SealAlgorithm? algorithm, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Departments.FirstOrDefault(d => d.Code == departmentCode) is not { } department)
            return Refused(new FieldError("departmentCode", $"no department {departmentCode}"));
        var (certificate, _) = await seals.IssueAsync(department.Code, department.Name, algorithm ?? ConfiguredAlgorithm(department.Code), cancellationToken);
        return Redirect($"/admin/seal?done=issued&issued={certificate.Serial}#{certificate.Serial}");
    }

    public async Task<IActionResult> OnPostRevokeAsync(string serial, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > TextLimits.Reason)
        {
            await LoadAsync(cancellationToken);
            return Refused(new FieldError("reason", string.IsNullOrWhiteSpace(reason) ? text["Admin.Seal.ReasonRequired"].Value
                : $"at most {TextLimits.Reason} characters"));
        }
        if (await seals.RevokeAsync(serial, reason.Trim(), Actor.Of(User.ToUser()!).Name, cancellationToken) is null)
            return NotFound();
        return Redirect("/admin/seal?done=revoked");
    }

    private PageResult Refused(FieldError problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Certificates = await certificates.ListAsync(cancellationToken);
        Departments = await catalog.ListDepartmentsAsync(cancellationToken);
    }
}
