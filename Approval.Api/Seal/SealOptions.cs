using Approval.Workflows.Seal;

namespace Approval.Api.Seal;

/// <summary>Sealed results (电子签章): <c>Approval:Seal</c>.</summary>
public sealed class SealOptions
{
    public const string Section = "Approval:Seal";

    /// <summary>Where the key store keeps its files; default <c>seal</c> in the data folder.</summary>
    public string? KeyStoreDirectory { get; set; }

    /// <summary>
    /// The pass phrase the key files are encrypted with. Default: a random one generated once into
    /// <c>keystore.password</c> beside them — a demo's convenience; a deployment gives its own from its secret store.
    /// </summary>
    public string? KeyStorePassword { get; set; }

    /// <summary>A TrueType CJK font file to embed (PDFsharp takes TrueType outlines only, not the CFF of Noto CJK); default: the first found of <see cref="SealFont.Candidates"/>.</summary>
    public string? FontFile { get; set; }

    /// <summary>A TrueType Latin font for the digits, letters and signs (the CJK face may have none); default: the first found of <see cref="SealFont.LatinCandidates"/>.</summary>
    public string? LatinFontFile { get; set; }

    /// <summary>The public address the QR code points at: <c>{VerifyBaseUrl}/verify?case=…&amp;doc=…</c>.</summary>
    public string VerifyBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>The algorithm of a department without one of its own.</summary>
    public SealAlgorithm DefaultAlgorithm { get; set; } = SealAlgorithm.EcdsaP256Sha256;

    /// <summary>Departments that seal otherwise, by code: <c>Approval:Seal:Departments:fire=Sm2Sm3</c>.</summary>
    public Dictionary<string, SealAlgorithm> Departments { get; set; } = [];

    public SealAlgorithm AlgorithmOf(string departmentCode) => Departments.TryGetValue(departmentCode, out var algorithm) ? algorithm : DefaultAlgorithm;
}
