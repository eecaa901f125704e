using Approval.Workflows.People;

namespace Approval.Api.Identity;

/// <summary>
/// Seeds demonstration users, one or more per role, when the Users table is empty and <c>Approval:Demo:SeedUsers</c> is
/// true (the default). They all share <see cref="Password"/>, which the root README lists with them: turn the setting off
/// for a real deployment, or change the passwords.
/// </summary>
internal sealed class DemoUsers(EfUserStore users, Pbkdf2PasswordHasher hasher, IConfiguration configuration, ILogger<DemoUsers> logger) : IHostedService
{
    public const string SeedSetting = "Approval:Demo:SeedUsers";
    public const string Password = "Demo@2026";
    public const string Window = "w01";

    /// <summary>The departments of the demo catalog: code and name.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Departments =
    [
        ("samr", "市场监管局"), ("tax", "税务局"), ("eco", "生态环境局"), ("fire", "消防救援支队"), ("health", "卫生健康委"),
        ("hrss", "人力社保局"), ("housing", "住房城乡建设局"), ("planning", "自然资源和规划局"), ("civil-defense", "人防办"),
    ];

    private static readonly string[] ReviewerNames = ["孙伟", "周敏", "吴强", "郑洁", "冯涛", "陈静", "褚明", "卫华", "蒋丽"];
    private static readonly string[] HeadNames = ["沈国栋", "韩建平", "杨志刚", "朱玉兰", "秦海峰", "许文博", "何淑芬", "吕振华", "施德明"];

    /// <summary>Every demo user; a department's reviewer is <c>CODE-reviewer</c>, its head <c>CODE-head</c>.</summary>
    public static IReadOnlyList<User> All { get; } =
    [
        new("demo-admin", "admin", "赵磊", Role.Administrator),
        new("demo-supervisor", "supervisor", "钱正", Role.Supervisor),
        new("demo-clerk", "clerk", "李敏", Role.WindowClerk) { WindowCode = Window },
        .. Departments.SelectMany((d, i) => new User[]
        {
            new($"demo-{d.Code}-reviewer", $"{d.Code}-reviewer", ReviewerNames[i], Role.DepartmentReviewer) { DepartmentCode = d.Code },
            new($"demo-{d.Code}-head", $"{d.Code}-head", HeadNames[i], Role.DepartmentHead) { DepartmentCode = d.Code },
        }),
        new("demo-applicant", "applicant", "张三", Role.Applicant) { ApplicantIdNumber = "11010519491231002X" },
        new("demo-enterprise", "enterprise", "福州示范餐饮有限公司", Role.Applicant) { ApplicantIdNumber = "91350100M000100Y43" },
    ];

    /// <summary>The first demo user with the role: <c>admin</c>, <c>supervisor</c>, <c>clerk</c>, <c>samr-reviewer</c>, <c>samr-head</c>, <c>applicant</c>.</summary>
    public static User For(Role role) => All.First(u => u.Role == role);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue(SeedSetting, true) || await users.AnyAsync(cancellationToken))
            return;
        // Each hash costs a deliberate fraction of a second: spread them over the cores.
        var accounts = All.AsParallel().AsOrdered().Select(u => new UserAccount(u, hasher.Hash(Password))).ToList();
        try
        {
            await users.SaveAsync(accounts, cancellationToken);
            logger.LogInformation("Seeded {Count} demo users (see README, \"Demo users\"); set {Setting}=false to keep them out", accounts.Count, SeedSetting);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // Another node sharing the database may have seeded them first; anything else is a real failure.
            if (!await users.AnyAsync(cancellationToken))
                throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
