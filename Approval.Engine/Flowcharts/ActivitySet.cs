namespace Approval.Engine.Flowcharts;

/// <summary>A fixed-size set of activity indices of one flowchart, as a bit set.</summary>
internal readonly struct ActivitySet
{
    private readonly ulong[] _bits;

    public ActivitySet(int capacity) => _bits = new ulong[(capacity + 63) / 64];

    public bool Contains(int index) => (_bits[index >> 6] & (1UL << (index & 63))) != 0;

    public void Add(int index) => _bits[index >> 6] |= 1UL << (index & 63);

    public bool AddAll(ActivitySet other)
    {
        var changed = false;
        for (var i = 0; i < _bits.Length; i++)
        {
            var merged = _bits[i] | other._bits[i];
            changed |= merged != _bits[i];
            _bits[i] = merged;
        }
        return changed;
    }
}
