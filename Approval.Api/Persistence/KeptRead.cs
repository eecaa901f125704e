namespace Approval.Api.Persistence;

/// <summary>
/// One read kept in memory and shared by every reader until this node writes to the database (<see cref="DatabaseWrites"/>)
/// or <c>maxAge</c> passes: so it is never behind what this node wrote, and at most <c>maxAge</c> behind another node's
/// writes. Readers that come while a read is under way share it instead of starting their own; a failed or cancelled read
/// is not kept. With no <see cref="DatabaseWrites"/> or a zero <c>maxAge</c>, every call reads. A read that only some writes
/// make stale (the feedback templates) counts those writes itself and passes that count instead.
/// </summary>
internal sealed class KeptRead<T>(Func<CancellationToken, Task<T>> read, TimeProvider time, Func<long>? writes, TimeSpan maxAge)
{
    public KeptRead(Func<CancellationToken, Task<T>> read, TimeProvider time, DatabaseWrites? writes, TimeSpan maxAge)
        : this(read, time, writes is null ? null : () => writes.Count, maxAge)
    {
    }

    private sealed record Kept(long Writes, long Timestamp, Task<T> Value);

    private Kept? _last;

    public Task<T> GetAsync(CancellationToken cancellationToken)
    {
        if (writes is null || maxAge <= TimeSpan.Zero)
            return read(cancellationToken);
        var now = time.GetTimestamp();
        var last = Volatile.Read(ref _last);
        if (last is not null && last.Writes == writes() && time.GetElapsedTime(last.Timestamp, now) < maxAge
            && !last.Value.IsFaulted && !last.Value.IsCanceled)
            return last.Value.WaitAsync(cancellationToken);
        // The write count is taken before the read starts: a write during the read makes the next reader read again.
        var fresh = new Kept(writes(), now, read(CancellationToken.None));
        Volatile.Write(ref _last, fresh);
        return fresh.Value.WaitAsync(cancellationToken);
    }
}
