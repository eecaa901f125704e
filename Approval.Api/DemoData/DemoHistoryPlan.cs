using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;

namespace Approval.Api.DemoData;

/// <summary>What one generated case starts from: its ids, its receipt instant, and the seed of its own random choices.</summary>
internal sealed record CasePlan(int Index, string CaseId, string Number, string QueryCode, DateTimeOffset ReceivedAt, int Seed)
{
    /// <summary>Who filed it: online (the applicant) or a window clerk registering a walk-in.</summary>
    public string Submitter => Index % 3 == 0 ? "clerk" : "applicant";
}

/// <summary>
/// Spreads N cases over the working days of the last D days, in order (case i on the ⌊i·W/N⌋-th working day, at a time
/// of office hours), and gives each its ids. Everything follows from the seed and the index, so workers can plan any case
/// without the others and the same seed plans the same cases. Numbers are the day and a serial counted from 1, skipping
/// those already taken in the database.
/// </summary>
internal sealed class DemoHistoryPlan
{
    private readonly IReadOnlyList<DateOnly> _days;
    private readonly IReadOnlyDictionary<DateOnly, int[]> _takenSerials;
    private readonly BusinessHours _hours;

    public DemoHistoryPlan(int cases, int days, int seed, DateTimeOffset end, DueInstantCalculator due, IReadOnlySet<string> takenNumbers)
    {
        Cases = cases;
        Seed = seed;
        End = end;
        _hours = due.Hours;
        var today = _hours.DateOf(end);
        var first = today.AddDays(-days);
        var working = new List<DateOnly>();
        for (var day = first; day <= today; day = day.AddDays(1))
        {
            // Today counts only if the office has opened.
            if (due.Calendar.IsWorkingDay(day) && (day < today || end >= OpeningOf(day)))
                working.Add(day);
        }
        if (working.Count == 0)
            throw new ArgumentException($"the last {days} days have no working day", nameof(days));
        _days = working;
        _takenSerials = takenNumbers
            .Select(n => (Day: DateOnly.TryParseExact(n.AsSpan(0, Math.Min(8, n.Length)), "yyyyMMdd", out var d) ? d : default, Serial: n.Length == 15 && int.TryParse(n.AsSpan(9), out var s) ? s : -1))
            .Where(t => t.Serial >= 0)
            .GroupBy(t => t.Day).ToDictionary(g => g.Key, g => g.Select(t => t.Serial).Order().ToArray());
        var busiest = (cases + working.Count - 1) / working.Count + _takenSerials.Values.Select(s => s.Length).DefaultIfEmpty(0).Max();
        if (busiest > CaseNumbers.MaxSerial)
            throw new ArgumentException($"{cases} cases over {working.Count} working days is more than a day's numbers allow", nameof(cases));
    }

    public int Cases { get; }
    public int Seed { get; }
    public DateTimeOffset End { get; }
    public DateOnly FirstDay => _days[0];
    public DateOnly LastDay => _days[^1];

    public CasePlan Plan(int index)
    {
        var random = new Random(SeedOf(index));
        var dayIndex = (int)((long)index * _days.Count / Cases);
        var day = _days[dayIndex];
        var firstOfDay = (int)(((long)dayIndex * Cases + _days.Count - 1) / _days.Count);
        var serial = FreeSerial(day, index - firstOfDay + 1);
        // 08:30 to 17:30, Beijing time; today's not after the end.
        var received = OpeningOf(day).AddMinutes(random.Next(0, 9 * 60)).AddSeconds(random.Next(0, 60));
        if (received > End)
            received = End.AddMinutes(-random.Next(1, 30));
        return new CasePlan(index, CaseIdAt(received, index, random), CaseNumbers.Format(day, serial), QueryCode(random), received, random.Next());
    }

    // SplitMix64 of (seed, index): stable across runs and machines (HashCode is randomised per process).
    private int SeedOf(int index)
    {
        var z = unchecked(((ulong)(uint)Seed << 32 | (uint)index) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }

    private DateTimeOffset OpeningOf(DateOnly day) => _hours.StartOf(day).AddHours(8.5);

    // The k-th serial of the day not already taken.
    private int FreeSerial(DateOnly day, int k)
    {
        if (!_takenSerials.TryGetValue(day, out var taken))
            return k;
        var serial = k;
        while (true)
        {
            var skipped = taken.Count(s => s <= serial);
            if (k + skipped == serial)
                return serial;
            serial = k + skipped;
        }
    }

    // A version-7 GUID ("N" format) of the receipt instant, as the application's own ids. Its random bits hold the index
    // (case seeds are 31 bits: two cases of a million can share one) and 42 bits from the case's seed (other --seed runs).
    private static string CaseIdAt(DateTimeOffset at, int index, Random random)
    {
        Span<byte> r = stackalloc byte[10];
        random.NextBytes(r);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(r[3..7], index);
        var milliseconds = at.ToUnixTimeMilliseconds();
        return new Guid((int)(milliseconds >> 16), (short)milliseconds, (short)(0x7000 | ((r[0] << 8 | r[1]) & 0x0FFF)), (byte)(0x80 | (r[2] & 0x3F)),
            r[3], r[4], r[5], r[6], r[7], r[8], r[9]).ToString("N");
    }

    private static string QueryCode(Random random)
    {
        Span<char> code = stackalloc char[10];
        for (var i = 0; i < code.Length; i++)
            code[i] = CaseNumbers.QueryAlphabet[random.Next(CaseNumbers.QueryAlphabet.Length)];
        return new string(code);
    }
}
