using System.Globalization;
using Approval.Workflows.Applicants;
using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Approval.Workflows.Seal;
using Microsoft.Extensions.Options;

namespace Approval.Api.Seal;

/// <summary>
/// Seals a decision: renders the decision (准予 or 不予许可决定书) and, when granted and the item issues a certificate, the
/// licence; signs each with the lead department's seal; keeps both with the case. Once per decision: documents already
/// sealed for it are returned as they are (and two nodes sealing at once keep the first one's).
/// </summary>
internal sealed class DecisionSeal(SealedDocuments documents, DepartmentSeals seals, DecisionDocumentRenderer renderer, ICatalog catalog,
    BusinessHours hours, IOptions<SealOptions> options, ILogger<DecisionSeal> logger) : IDecisionSeal
{
    public Task SealAsync(Case decided, CancellationToken cancellationToken = default) => TryEnsureAsync(decided, cancellationToken);

    /// <summary>As <see cref="EnsureAsync"/>, but a seal that cannot be made now (no font, no key store) is logged, not thrown: nothing sealed yet.</summary>
    public async Task<IReadOnlyList<SealedDocumentRecord>> TryEnsureAsync(Case @case, CancellationToken cancellationToken)
    {
        try
        {
            return await EnsureAsync(@case, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The decision is saved and stands; its documents are sealed when they are next asked for.
            logger.LogError(e, "Case {Number} is decided but its documents could not be sealed now", @case.Number);
            return [];
        }
    }

    /// <summary>Which decision of the case documents seal.</summary>
    public static string DecisionKeyOf(CaseDecision decision) => decision.At.UtcTicks.ToString(CultureInfo.InvariantCulture);

    /// <summary>The documents of the case's decision in force, sealed now if they were not yet; none for a case not decided.</summary>
    public async Task<IReadOnlyList<SealedDocumentRecord>> EnsureAsync(Case @case, CancellationToken cancellationToken)
    {
        if (@case.Decision is not { Verdict: not Verdict.ReturnForSupplement } decision)
            return [];
        var key = DecisionKeyOf(decision);
        var sealedBefore = await documents.ForDecisionAsync(@case.Id, key, cancellationToken);
        if (sealedBefore.Count > 0)
            return sealedBefore;

        var item = await catalog.FindItemAsync(@case.ItemCode, cancellationToken);
        var lead = (await catalog.ListDepartmentsAsync(cancellationToken)).FirstOrDefault(d => d.Code == @case.LeadDepartmentCode)
            ?? new Department(@case.LeadDepartmentCode, @case.LeadDepartmentCode);
        var (certificate, sealKey) = await seals.CurrentAsync(lead.Code, lead.Name, options.Value.AlgorithmOf(lead.Code), cancellationToken);
        List<SealedDocumentKind> kinds = decision.Verdict == Verdict.Refuse ? [SealedDocumentKind.RefusalDecision]
            : item?.Result.Kind == ResultKind.Certificate ? [SealedDocumentKind.GrantDecision, SealedDocumentKind.Licence]
            : [SealedDocumentKind.GrantDecision];
        var records = kinds.Select(kind =>
        {
            var sheet = Sheet(@case, decision, item, lead, kind, Guid.NewGuid().ToString("N"));
            var pdf = renderer.Render(sheet);
            var envelope = seals.Sign(pdf, new SealedContent(sheet.DocumentId, @case.Number, kind, lead.Code, lead.Name, decision.Signer), certificate, sealKey);
            return new SealedDocumentRecord
            {
                Id = sheet.DocumentId,
                CaseId = @case.Id,
                CaseNumber = @case.Number,
                DecisionKey = key,
                Kind = kind.ToString(),
                FileName = $"{@case.Number}-{sheet.Title}.pdf",
                Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)),
                CertificateSerial = certificate.Serial,
                SignedAt = envelope.SignedAt,
                Pdf = pdf,
                Envelope = envelope.ToJson(),
            };
        }).ToList();
        await documents.AddAsync(records, cancellationToken);
        return await documents.ForDecisionAsync(@case.Id, key, cancellationToken);
    }

    private DecisionSheet Sheet(Case @case, CaseDecision decision, ApprovalItem? item, Department lead, SealedDocumentKind kind, string documentId)
    {
        var itemName = item?.Name ?? @case.ItemCode;
        var stated = decision.Reasons.Where(r => !string.IsNullOrWhiteSpace(r.Reason)).Select(r => r.Reason!).Append(decision.Reason)
            .Where(r => !string.IsNullOrWhiteSpace(r)).Distinct().ToList();
        string[] paragraphs = kind switch
        {
            SealedDocumentKind.RefusalDecision =>
            [
                $"经审查，你（单位）提出的{itemName}申请不符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第二款的规定，决定不予行政许可。",
                $"理由：{string.Join("；", stated)}。",
                "如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。",
            ],
            SealedDocumentKind.Licence =>
            [
                $"{@case.Applicant.Name}：经审查，你（单位）提出的{itemName}申请符合法定条件、标准，准予许可，特发此证。",
                .. (decision.Verdict == Verdict.ApproveWithConditions ? new[] { $"附加条件：{string.Join("；", stated)}。" } : Array.Empty<string>()),
            ],
            _ =>
            [
                $"经审查，你（单位）提出的{itemName}申请符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第一款的规定，决定准予行政许可。",
                .. (decision.Verdict == Verdict.ApproveWithConditions ? new[] { $"附加条件：{string.Join("；", stated)}。" } : Array.Empty<string>()),
                item is { Result.Kind: ResultKind.Certificate } ? $"请自本决定作出之日起十个工作日内凭办件编号领取{item.Result.Name}。" : "本决定书即为许可结果。",
            ],
        };
        var title = kind switch
        {
            SealedDocumentKind.RefusalDecision => "不予行政许可决定书",
            SealedDocumentKind.Licence => item?.Result.Name ?? "行政许可证",
            _ => "准予行政许可决定书",
        };
        var verifyUrl = $"{options.Value.VerifyBaseUrl.TrimEnd('/')}/verify?case={Uri.EscapeDataString(@case.Number)}&doc={documentId}";
        return new DecisionSheet(kind, title, documentId, @case.Number, itemName, @case.Applicant.Name, IdentityNumberMask.Mask(@case.Applicant.IdNumber),
            paragraphs, lead.Name, decision.Signer, hours.DateOf(decision.At), verifyUrl);
    }
}
