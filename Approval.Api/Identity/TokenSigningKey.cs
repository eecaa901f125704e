using System.Security.Cryptography;
using System.Text;
using Approval.Api.Persistence;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Approval.Api.Identity;

/// <summary>
/// The key that signs and checks access tokens: <c>Approval:Auth:SigningKey</c>, else a random 256-bit key generated once
/// and kept in <c>signing.key</c> in the data folder, so that tokens outlive a restart. The key itself is never logged.
/// </summary>
public sealed class TokenSigningKey
{
    public const string FileName = "signing.key";
    private const int KeyBytes = 32;

    public TokenSigningKey(IOptions<AuthOptions> options, IConfiguration configuration, ILogger<TokenSigningKey> logger)
    {
        var configured = options.Value.SigningKey;
        var bytes = string.IsNullOrEmpty(configured)
            ? ReadOrCreate(Path.Combine(DataDirectory.Resolve(configuration), FileName), logger)
            : Encoding.UTF8.GetBytes(configured);
        if (bytes.Length < KeyBytes)
            throw new InvalidOperationException($"{AuthOptions.Section}:SigningKey must be at least {KeyBytes} bytes (UTF-8) for HMAC-SHA256.");
        Key = new SymmetricSecurityKey(bytes);
    }

    public SymmetricSecurityKey Key { get; }

    public SigningCredentials Credentials => new(Key, SecurityAlgorithms.HmacSha256);

    private static byte[] ReadOrCreate(string path, ILogger logger)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var draft = $"{path}.{Guid.NewGuid():N}.tmp";
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite; // readable by the service's user only
            using (var file = new FileStream(draft, create))
            {
                file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes))));
            }
            try
            {
                // Moved whole into place: two processes starting on one data folder both end up with the first one's key.
                File.Move(draft, path, overwrite: false);
                logger.LogInformation("Generated a token signing key in {Path}", path);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(draft);
            }
        }
        var text = File.ReadAllText(path).Trim();
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text, bytes, out var written) && written >= KeyBytes
            ? bytes[..written]
            : throw new InvalidOperationException($"{path} does not hold a base64 key of {KeyBytes} bytes or more; delete it to have a new one generated (everyone signed in will have to sign in again).");
    }
}
