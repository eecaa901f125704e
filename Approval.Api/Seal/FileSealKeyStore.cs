using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Approval.Workflows.Seal;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Approval.Api.Seal;

/// <summary>
/// The seals' keys as files, one per alias (<c>{alias}.json</c>): the certificate in clear, the private key (PKCS#8)
/// encrypted with AES-256-GCM under a key derived from the store's pass phrase (PBKDF2-SHA256), the alias bound in as
/// associated data so that a file renamed to another alias does not open. Files are readable by the service's user
/// only, and written whole: two nodes creating one alias at once both end up with the first one's key.
/// </summary>
internal sealed partial class FileSealKeyStore : ISealKeyStore
{
    public const string PasswordFileName = "keystore.password";
    private const int Iterations = 200_000;

    private readonly string _directory;
    private readonly string _password;
    private readonly ConcurrentDictionary<string, SealKey> _opened = new();

    public FileSealKeyStore(string directory, string? password)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
        _password = string.IsNullOrEmpty(password)
            ? ReadOrCreate(Path.Combine(directory, PasswordFileName), () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))
            : password;
    }

    public SealKey? Find(string alias)
    {
        if (_opened.TryGetValue(alias, out var open))
            return open;
        var path = PathOf(alias);
        if (!File.Exists(path))
            return null;
        var key = Open(alias, File.ReadAllText(path));
        return _opened.GetOrAdd(alias, key);
    }

    public SealKey Save(string alias, SealKey key)
    {
        var stored = ReadOrCreate(PathOf(alias), () => Seal(alias, key));
        // The file in place is ours (no need to decrypt it again) or the first writer's, read back.
        var ours = JsonSerializer.Deserialize<KeyFile>(stored)?.Certificate == Convert.ToBase64String(key.Certificate.GetEncoded());
        return ours ? _opened.GetOrAdd(alias, key) : Find(alias)!;
    }

    private string PathOf(string alias) => AliasPattern().IsMatch(alias)
        ? Path.Combine(_directory, alias + ".json")
        : throw new ArgumentException($"a key alias is lower-case letters, digits and '-': {alias}", nameof(alias));

    private string Seal(string alias, SealKey key)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var plain = PrivateKeyInfoFactory.CreatePrivateKeyInfo(key.PrivateKey).GetDerEncoded();
        var cipher = new byte[plain.Length];
        var tag = new byte[16];
        using (var aes = new AesGcm(Derive(salt), tag.Length))
            aes.Encrypt(nonce, plain, cipher, tag, Encoding.UTF8.GetBytes(alias));
        CryptographicOperations.ZeroMemory(plain);
        return JsonSerializer.Serialize(new KeyFile(Convert.ToBase64String(key.Certificate.GetEncoded()), "PBKDF2-SHA256/AES-256-GCM", Iterations,
            Convert.ToBase64String(salt), Convert.ToBase64String(nonce), Convert.ToBase64String(tag), Convert.ToBase64String(cipher)));
    }

    private SealKey Open(string alias, string json)
    {
        var file = JsonSerializer.Deserialize<KeyFile>(json) ?? throw new InvalidDataException($"{PathOf(alias)} is not a key file");
        var cipher = Convert.FromBase64String(file.Key);
        var plain = new byte[cipher.Length];
        try
        {
            using var aes = new AesGcm(Derive(Convert.FromBase64String(file.Salt), file.Iterations), 16);
            aes.Decrypt(Convert.FromBase64String(file.Nonce), cipher, Convert.FromBase64String(file.Tag), plain, Encoding.UTF8.GetBytes(alias));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new InvalidOperationException($"{PathOf(alias)} does not open with the key store's pass phrase ({SealOptions.Section}:KeyStorePassword).", e);
        }
        var privateKey = PrivateKeyFactory.CreateKey(plain);
        CryptographicOperations.ZeroMemory(plain);
        return new SealKey(privateKey, new X509CertificateParser().ReadCertificate(Convert.FromBase64String(file.Certificate)));
    }

    private byte[] Derive(byte[] salt, int iterations = Iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(_password, salt, iterations, HashAlgorithmName.SHA256, 32);

    // Written beside, then moved into place without overwriting: the first writer's file wins.
    private static string ReadOrCreate(string path, Func<string> create)
    {
        if (!File.Exists(path))
        {
            var draft = $"{path}.{Guid.NewGuid():N}.tmp";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(draft, options))
                stream.Write(Encoding.UTF8.GetBytes(create()));
            try
            {
                File.Move(draft, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(draft);
            }
        }
        return File.ReadAllText(path).Trim();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,120}$")]
    private static partial Regex AliasPattern();

    private sealed record KeyFile(string Certificate, string Protection, int Iterations, string Salt, string Nonce, string Tag, string Key);
}
