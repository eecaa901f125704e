using System.Security.Cryptography;

namespace Approval.Workflows.Cases;

/// <summary>Printable case numbers (办件编号) and unguessable query codes.</summary>
public sealed class CaseNumbers(TimeProvider time, Approval.Workflows.Calendar.BusinessHours hours, ICaseNumberSerials serials)
{
    // No 0/O, 1/I/L: codes are read aloud and typed from paper.
    public const string QueryAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>The largest serial of a day's numbers.</summary>
    public const int MaxSerial = 999_999;

    /// <summary>
    /// The local date and the day's next serial, e.g. <c>20261124-000042</c> for its 42nd case: numbers say how many cases a
    /// day received, and two submissions never draw the same one (a random serial collided with the square of a day's volume).
    /// </summary>
    public async Task<string> NextNumberAsync(CancellationToken cancellationToken = default)
    {
        var today = hours.DateOf(time.GetUtcNow());
        return Format(today, await serials.NextAsync(today, cancellationToken));
    }

    /// <summary>The number of a day's serial, e.g. <c>20261124-000042</c>.</summary>
    public static string Format(DateOnly day, int serial) => $"{day:yyyyMMdd}-{serial:D6}";

    /// <summary>Ten characters of a 31-letter alphabet: about 49 bits, enough that guessing is hopeless.</summary>
    public static string NewQueryCode() => RandomNumberGenerator.GetString(QueryAlphabet, 10);
}
