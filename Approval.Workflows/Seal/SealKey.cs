using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.X509;

namespace Approval.Workflows.Seal;

/// <summary>A private key and the certificate of its public half.</summary>
public sealed record SealKey(AsymmetricKeyParameter PrivateKey, X509Certificate Certificate);

/// <summary>
/// Where the seals' private keys live: never in the database. The product's own store is a folder of files encrypted at
/// rest (Approval.Api's <c>FileSealKeyStore</c>); a deployment with a hardware module or its own CA puts its adapter here.
/// </summary>
public interface ISealKeyStore
{
    /// <summary>The key saved under <paramref name="alias"/>, or null.</summary>
    SealKey? Find(string alias);

    /// <summary>Saves the key under <paramref name="alias"/>; an alias already taken keeps its first key (two nodes starting at once agree).</summary>
    /// <returns>The key now under the alias: this one, or the one saved first.</returns>
    SealKey Save(string alias, SealKey key);
}
