using System.Security.Cryptography;

namespace Approval.Engine.Runtime;

/// <summary>
/// Ids of instances, bookmarks and incidents: version-7 GUIDs in the "N" format, exactly what
/// <c>Guid.CreateVersion7(at).ToString("N")</c> gives (Unix milliseconds first, so ids sort by creation; 74 random bits).
/// </summary>
internal static class WorkflowIds
{
    // Guid.CreateVersion7 asks the operating system for 16 random bytes on every call: on Linux a read of
    // /dev/urandom, a sixth of the CPU time of starting an instance that suspends on six bookmarks. The same
    // cryptographic generator fills a buffer per thread a few kilobytes at a time instead.
    private const int BufferSize = 4096;
    private const int BytesPerId = 10;
    private const long MaxUnixMilliseconds = 0xFFFF_FFFF_FFFF;

    [ThreadStatic]
    private static byte[]? t_random;

    [ThreadStatic]
    private static int t_next;

    public static string NewId(DateTimeOffset at)
    {
        var milliseconds = at.ToUnixTimeMilliseconds();
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds, nameof(at));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(milliseconds, MaxUnixMilliseconds, nameof(at));
        var r = NextRandomBytes();
        // RFC 9562 layout: 48 bits of milliseconds, version 7 above 12 random bits, variant 10 above 62 random bits.
        var guid = new Guid(
            (int)(milliseconds >> 16),
            (short)milliseconds,
            (short)(0x7000 | ((r[0] << 8 | r[1]) & 0x0FFF)),
            (byte)(0x80 | (r[2] & 0x3F)),
            r[3], r[4], r[5], r[6], r[7], r[8], r[9]);
        return guid.ToString("N");
    }

    private static ReadOnlySpan<byte> NextRandomBytes()
    {
        var buffer = t_random ??= new byte[BufferSize];
        if (t_next == 0 || t_next + BytesPerId > BufferSize)
        {
            RandomNumberGenerator.Fill(buffer);
            t_next = 0;
        }
        var bytes = buffer.AsSpan(t_next, BytesPerId);
        t_next += BytesPerId;
        return bytes;
    }
}
