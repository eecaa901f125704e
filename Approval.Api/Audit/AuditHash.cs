using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Security;

namespace Approval.Api.Audit;

/// <summary>
/// The bytes an entry's hash covers, and the digests. Written down in the Api README so an outside auditor can
/// recompute the chain: each field as a 4-byte big-endian length followed by its UTF-8 bytes, in the order sequence
/// (decimal), instant (<c>yyyy-MM-ddTHH:mm:ss.fffZ</c>, UTC), actor, kind, subject, payload, previous hash (lowercase hex).
/// Length prefixes rather than separators: no field's text can pass for the start of the next.
/// </summary>
public static class AuditHash
{
    public const string Sha256 = "SHA-256";
    public const string Sm3 = "SM3";
    /// <summary>Both digests are 32 bytes: 64 hex digits.</summary>
    public const int HexLength = 64;
    /// <summary>The previous hash of entry 1.</summary>
    public static readonly string Genesis = new('0', HexLength);

    public static bool IsKnown(string algorithm) => algorithm is Sha256 or Sm3;

    public static string InstantText(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>An instant as the entry keeps it: whole milliseconds (PostgreSQL keeps microseconds, SQLite text ticks).</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    public static byte[] CanonicalBytes(AuditEntryRecord entry) => Fields(
        entry.Sequence.ToString(CultureInfo.InvariantCulture), InstantText(entry.At), entry.Actor, entry.Kind, entry.Subject,
        entry.Payload, entry.PreviousHash);

    /// <summary>What the service center signs of the head: its sequence, its hash and when it was signed.</summary>
    public static byte[] SignedHeadBytes(long sequence, string hash, DateTimeOffset signedAt) =>
        Fields(sequence.ToString(CultureInfo.InvariantCulture), hash, InstantText(signedAt));

    public static string Of(AuditEntryRecord entry) => Digest(entry.Algorithm, CanonicalBytes(entry));

    public static string Digest(string algorithm, byte[] bytes) => Convert.ToHexStringLower(algorithm switch
    {
        Sha256 => SHA256.HashData(bytes),
        Sm3 => DigestUtilities.CalculateDigest("SM3", bytes),
        _ => throw new ArgumentException($"'{algorithm}' is not SHA-256 or SM3.", nameof(algorithm)),
    });

    private static byte[] Fields(params string[] fields)
    {
        using var bytes = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        foreach (var field in fields)
        {
            var utf8 = Encoding.UTF8.GetBytes(field);
            BinaryPrimitives.WriteInt32BigEndian(length, utf8.Length);
            bytes.Write(length);
            bytes.Write(utf8);
        }
        return bytes.ToArray();
    }
}
