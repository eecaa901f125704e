using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Approval.Workflows.Seal;

/// <summary>How a department's seal signs: the international default, or the algorithms of GB/T 38540.</summary>
public enum SealAlgorithm
{
    /// <summary>ECDSA on P-256 with SHA-256.</summary>
    EcdsaP256Sha256,
    /// <summary>SM2 with SM3 (GB/T 38540, the Chinese electronic seal standard).</summary>
    Sm2Sm3,
}

/// <summary>The curve, signature and digest names of each algorithm, as BouncyCastle spells them.</summary>
public static class SealAlgorithms
{
    public static string SignatureName(this SealAlgorithm algorithm) => algorithm switch
    {
        SealAlgorithm.Sm2Sm3 => "SM3WITHSM2",
        _ => "SHA256WITHECDSA",
    };

    /// <summary>The digest of the document bytes the envelope carries: SM3 goes with SM2, SHA-256 with ECDSA.</summary>
    public static string DigestName(this SealAlgorithm algorithm) => algorithm == SealAlgorithm.Sm2Sm3 ? "SM3" : "SHA-256";

    public static byte[] Digest(this SealAlgorithm algorithm, ReadOnlySpan<byte> document) => algorithm == SealAlgorithm.Sm2Sm3
        ? DigestUtilities.CalculateDigest("SM3", document.ToArray())
        : System.Security.Cryptography.SHA256.HashData(document);

    private static DerObjectIdentifier Curve(this SealAlgorithm algorithm) =>
        algorithm == SealAlgorithm.Sm2Sm3 ? GMObjectIdentifiers.sm2p256v1 : SecObjectIdentifiers.SecP256r1;

    public static AsymmetricCipherKeyPair NewKeyPair(this SealAlgorithm algorithm, SecureRandom random)
    {
        var generator = new ECKeyPairGenerator("EC");
        generator.Init(new ECKeyGenerationParameters(algorithm.Curve(), random));
        return generator.GenerateKeyPair();
    }

    public static byte[] Sign(this SealAlgorithm algorithm, AsymmetricKeyParameter privateKey, byte[] data, SecureRandom random)
    {
        var signer = SignerUtilities.GetSigner(algorithm.SignatureName());
        signer.Init(true, new ParametersWithRandom(privateKey, random));
        signer.BlockUpdate(data, 0, data.Length);
        return signer.GenerateSignature();
    }

    public static bool Verifies(this SealAlgorithm algorithm, AsymmetricKeyParameter publicKey, byte[] data, byte[] signature)
    {
        var verifier = SignerUtilities.GetSigner(algorithm.SignatureName());
        verifier.Init(false, publicKey);
        verifier.BlockUpdate(data, 0, data.Length);
        return verifier.VerifySignature(signature);
    }
}
