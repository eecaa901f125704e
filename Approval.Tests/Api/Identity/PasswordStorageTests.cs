using Approval.Api.Identity;
using Approval.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;

namespace Approval.Tests.Api.Identity;

/// <summary>Passwords are kept as salted PBKDF2-SHA256 hashes, never as they were typed.</summary>
public class PasswordStorageTests
{
    private readonly Pbkdf2PasswordHasher _hasher = new(Pbkdf2PasswordHasher.MinimumIterations);

    [Test]
    public async Task The_users_table_holds_no_password_only_distinct_salted_hashes()
    {
        await using var factory = new ApprovalApiFactory();
        using var _ = factory.CreateClient(); // starts the application, which seeds the demo users
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var hashes = await db.Users.Select(u => u.PasswordHash).ToListAsync();

        Assert.That(hashes, Is.Not.Empty);
        Assert.That(hashes, Has.None.Contains(DemoUsers.Password));
        Assert.That(hashes, Has.All.StartsWith("pbkdf2-sha256$"));
        Assert.That(hashes, Is.Unique, "every hash has its own salt, though the demo users share a password");
    }

    [Test]
    public void A_hash_names_its_algorithm_iterations_salt_and_hash_and_verifies_only_its_password()
    {
        var hash = _hasher.Hash("正确的密码 horse");
        var parts = hash.Split('$');
        Assert.That(parts, Has.Length.EqualTo(4));
        Assert.That(parts[0], Is.EqualTo("pbkdf2-sha256"));
        Assert.That(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(100_000));
        Assert.That(Convert.FromBase64String(parts[2]), Has.Length.EqualTo(16));
        Assert.That(Convert.FromBase64String(parts[3]), Has.Length.EqualTo(32));

        Assert.That(_hasher.Verify("正确的密码 horse", hash), Is.True);
        Assert.That(_hasher.Verify("正确的密码 Horse", hash), Is.False);
    }

    [Test]
    public void A_hash_made_with_more_iterations_still_verifies_after_the_setting_changes()
    {
        var stronger = new Pbkdf2PasswordHasher(150_000).Hash("secret");
        Assert.That(_hasher.Verify("secret", stronger), Is.True);
    }

    [TestCase("")]
    [TestCase("secret")]
    [TestCase("pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [TestCase("pbkdf2-sha256$100000$not base64$AAAA")]
    [TestCase("md5$100000$AAAA$AAAA")]
    public void A_stored_value_that_is_not_a_good_hash_verifies_nothing(string stored)
    {
        Assert.That(_hasher.Verify("secret", stored), Is.False);
    }

    [Test]
    public void Fewer_than_100000_iterations_are_refused()
    {
        Assert.That(() => new Pbkdf2PasswordHasher(99_999), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Only_the_test_suites_environment_may_hash_with_fewer_iterations_and_its_hashes_verify_nowhere_else()
    {
        var testing = new Pbkdf2PasswordHasher(Pbkdf2PasswordHasher.TestingMinimumIterations, Pbkdf2PasswordHasher.TestingMinimumIterations);
        var cheap = testing.Hash("secret");

        Assert.That(testing.Verify("secret", cheap), Is.True);
        Assert.That(_hasher.Verify("secret", cheap), Is.False, "a production hasher refuses a hash under its floor");
        Assert.That(() => new Pbkdf2PasswordHasher(999, Pbkdf2PasswordHasher.TestingMinimumIterations), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new Pbkdf2PasswordHasher(5_000, 5_000), Throws.InstanceOf<ArgumentOutOfRangeException>(), "no floor but the two");
        Assert.That(Pbkdf2PasswordHasher.MinimumFor(new HostingEnvironment { EnvironmentName = "Production" }), Is.EqualTo(Pbkdf2PasswordHasher.MinimumIterations));
        Assert.That(Pbkdf2PasswordHasher.MinimumFor(new HostingEnvironment { EnvironmentName = "Development" }), Is.EqualTo(Pbkdf2PasswordHasher.MinimumIterations));
        Assert.That(Pbkdf2PasswordHasher.MinimumFor(new HostingEnvironment { EnvironmentName = "Testing" }), Is.EqualTo(Pbkdf2PasswordHasher.TestingMinimumIterations));
    }
}
