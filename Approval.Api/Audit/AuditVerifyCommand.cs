namespace Approval.Api.Audit;

/// <summary><c>audit verify</c>: the verification from the command line, on the configured database. Exit 0 intact, 1 broken, 2 usage.</summary>
internal static class AuditVerifyCommand
{
    public const string Name = "audit";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args is not ["verify"])
        {
            error.WriteLine("usage: audit verify   (checks the audit log's chain, its head and the latest signed head)");
            return 2;
        }
        var result = await services.GetRequiredService<AuditVerification>().VerifyAsync(cancellationToken);
        output.WriteLine($"entries checked: {result.EntriesChecked}");
        output.WriteLine($"head: {result.HeadSequence} {result.HeadHash}");
        output.WriteLine(result.SignedHead is { } signed
            ? $"signed head: {signed.Sequence} {signed.Hash} at {AuditHash.InstantText(signed.SignedAt)} (certificate {signed.CertificateSerial})"
            : "signed head: none yet");
        if (result.FirstBroken is { } broken)
        {
            output.WriteLine($"BROKEN at entry {broken.Sequence}: {broken.Kind}: {broken.Reason}");
            return 1;
        }
        output.WriteLine("intact");
        return 0;
    }
}
