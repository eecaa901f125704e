using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Approval.Workflows.Seal;

/// <summary>What a sealed document is.</summary>
public enum SealedDocumentKind
{
    /// <summary>准予行政许可决定书.</summary>
    GrantDecision,
    /// <summary>不予行政许可决定书.</summary>
    RefusalDecision,
    /// <summary>The licence or certificate the item issues (许可证、执照).</summary>
    Licence,
}

/// <summary>
/// The detached signature of a sealed document (<c>.seal.json</c>): the document's digest, who sealed it and when, the
/// certificate chain, and the signature over all of these. Detached, so the PDF stays exactly the bytes signed, and one
/// shape serves ECDSA and SM2 alike.
/// </summary>
public sealed record SealEnvelope
{
    public const string CurrentFormat = "approval-seal/1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Format { get; init; } = CurrentFormat;
    public required string DocumentId { get; init; }
    public required string CaseNumber { get; init; }
    public required SealedDocumentKind Kind { get; init; }
    public required string DepartmentCode { get; init; }
    public required string DepartmentName { get; init; }
    /// <summary>Who sealed it for the department: the head who made the decision.</summary>
    public required string Signer { get; init; }
    public required SealAlgorithm Algorithm { get; init; }
    /// <summary><c>SHA-256</c> or <c>SM3</c>, of the document's bytes.</summary>
    public required string DigestAlgorithm { get; init; }
    /// <summary>The digest, lower-case hexadecimal.</summary>
    public required string Digest { get; init; }
    public required DateTimeOffset SignedAt { get; init; }
    /// <summary>The seal's certificate, then the issuing CA's: DER, base64.</summary>
    public required IReadOnlyList<string> Certificates { get; init; }
    /// <summary>The signature over <see cref="ToBeSigned"/>, base64.</summary>
    public string Signature { get; init; } = "";

    /// <summary>
    /// The signed text: every field a verifier reports, one per line, the seal's certificate included — so neither the
    /// signing time nor the department can be changed without breaking the signature.
    /// </summary>
    public byte[] ToBeSigned() => Encoding.UTF8.GetBytes(string.Join('\n',
        Format, DocumentId, CaseNumber, Kind.ToString(), DepartmentCode, DepartmentName, Signer, Algorithm.ToString(), DigestAlgorithm, Digest,
        SignedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture), Certificates.Count > 0 ? Certificates[0] : ""));

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The envelope in <paramref name="json"/>, or null when it is not one.</summary>
    public static SealEnvelope? Parse(string json)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<SealEnvelope>(json, Json);
            return envelope is { Format: CurrentFormat, Certificates.Count: > 0 } ? envelope : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
