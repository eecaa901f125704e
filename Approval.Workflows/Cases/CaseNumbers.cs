using System.Security.Cryptography;

namespace Approval.Workflows.Cases;

/// <summary>Printable case numbers (办件编号) and unguessable query codes.</summary>
public sealed class CaseNumbers(TimeProvider time, Approval.Workflows.Calendar.BusinessHours hours)
{
    // No 0/O, 1/I/L: codes are read aloud and typed from paper.
    public const string QueryAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>The largest serial of a day's numbers.</summary>
    public const int MaxSerial = 999_999;

    /// <summary>The local date and a random serial, e.g. <c>20261124-483920</c>; unique by the database's index.</summary>
    public string NextNumber()
    {
        var today = hours.DateOf(time.GetUtcNow());
        return Format(today, RandomNumberGenerator.GetInt32(0, MaxSerial + 1));
    }

    /// <summary>The number of a day's serial, e.g. <c>20261124-000042</c>.</summary>
    public static string Format(DateOnly day, int serial) => $"{day:yyyyMMdd}-{serial:D6}";

    /// <summary>Ten characters of a 31-letter alphabet: about 49 bits, enough that guessing is hopeless.</summary>
    public static string NewQueryCode() => RandomNumberGenerator.GetString(QueryAlphabet, 10);
}
