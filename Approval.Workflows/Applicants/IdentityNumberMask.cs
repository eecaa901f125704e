namespace Approval.Workflows.Applicants;

/// <summary>
/// How an applicant's resident ID or credit code appears in lists staff search: the first six characters (the issuing
/// region) and the last four kept, the rest starred — <c>110105********002X</c> — the de-identified form personal
/// information rules (个人信息保护法 Art. 51; GB/T 35273) expect where the whole number is not needed. The case itself,
/// opened by someone allowed to, still shows it whole.
/// </summary>
public static class IdentityNumberMask
{
    private const int KeptAtStart = 6;
    private const int KeptAtEnd = 4;

    public static string Mask(string idNumber)
    {
        var id = idNumber.Trim();
        // Too short for the usual form (not a valid ID anyway): only the last two characters stay.
        if (id.Length <= KeptAtStart + KeptAtEnd)
            return new string('*', Math.Max(0, id.Length - 2)) + id[Math.Max(0, id.Length - 2)..];
        return string.Concat(id.AsSpan(0, KeptAtStart), new string('*', id.Length - KeptAtStart - KeptAtEnd), id.AsSpan(id.Length - KeptAtEnd));
    }
}
