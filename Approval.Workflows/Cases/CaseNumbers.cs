using System.Security.Cryptography;

namespace Approval.Workflows.Cases;

/// <summary>Printable case numbers (办件编号) and unguessable query codes.</summary>
public sealed class CaseNumbers(TimeProvider time, Approval.Workflows.Calendar.BusinessHours hours)
{
    // No 0/O, 1/I/L: codes are read aloud and typed from paper.
    private const string QueryAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>The local date and a random serial, e.g. <c>20261124-483920</c>; unique by the database's index.</summary>
    public string NextNumber()
    {
        var today = hours.DateOf(time.GetUtcNow());
        return $"{today:yyyyMMdd}-{RandomNumberGenerator.GetInt32(0, 1_000_000):D6}";
    }

    /// <summary>Ten characters of a 31-letter alphabet: about 49 bits, enough that guessing is hopeless.</summary>
    public static string NewQueryCode() => RandomNumberGenerator.GetString(QueryAlphabet, 10);
}
