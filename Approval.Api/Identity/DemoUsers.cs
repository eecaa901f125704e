using Approval.Workflows.Catalog;
using Approval.Workflows.People;

namespace Approval.Api.Identity;

/// <summary>
/// Seeds demonstration users, one or more per role, when the Users table is empty and <c>Approval:Demo:SeedUsers</c> is
/// true (the default): a reviewer and a head for every department of the <see cref="DemoCatalog"/>. They all share
/// <see cref="Password"/>, which the root README lists with them: turn the setting off for a real deployment.
/// </summary>
public sealed class DemoUsers(EfUserStore users, EfWindows windows, Pbkdf2PasswordHasher hasher, IConfiguration configuration, ILogger<DemoUsers> logger)
{
    public const string SeedSetting = "Approval:Demo:SeedUsers";
    public const string Password = "Demo@2026";
    public const string Window = "w01";

    // The reviewer and the head of each demo department.
    private static readonly Dictionary<string, (string Reviewer, string Head)> DepartmentStaff = new()
    {
        ["samr"] = ("孙伟", "沈国栋"),
        ["tax"] = ("周敏", "韩建平"),
        ["eco"] = ("吴强", "杨志刚"),
        ["fire"] = ("郑洁", "朱玉兰"),
        ["health"] = ("冯涛", "秦海峰"),
        ["hrss"] = ("陈静", "许文博"),
        ["housing"] = ("褚明", "何淑芬"),
        ["planning"] = ("卫华", "吕振华"),
        ["civil-defense"] = ("蒋丽", "施德明"),
    };

    /// <summary>Every demo user; a department's reviewer is <c>CODE-reviewer</c>, its head <c>CODE-head</c>.</summary>
    public static IReadOnlyList<User> All { get; } =
    [
        new("demo-admin", "admin", "赵磊", Role.Administrator),
        new("demo-supervisor", "supervisor", "钱正", Role.Supervisor),
        new("demo-clerk", "clerk", "李敏", Role.WindowClerk) { WindowCode = Window },
        new("demo-lead-clerk", "lead-clerk", "王芳", Role.WindowClerk) { WindowCode = "w02", IsLeadClerk = true },
        .. DemoCatalog.Departments.Where(d => DepartmentStaff.ContainsKey(d.Code)).SelectMany(d => new User[]
        {
            new($"demo-{d.Code}-reviewer", $"{d.Code}-reviewer", DepartmentStaff[d.Code].Reviewer, Role.DepartmentReviewer) { DepartmentCode = d.Code },
            new($"demo-{d.Code}-head", $"{d.Code}-head", DepartmentStaff[d.Code].Head, Role.DepartmentHead) { DepartmentCode = d.Code },
        }),
        new("demo-applicant", "applicant", "张三", Role.Applicant) { ApplicantIdNumber = "11010519491231002X" },
        new("demo-enterprise", "enterprise", "福州示范餐饮有限公司", Role.Applicant) { ApplicantIdNumber = "91350100M000100Y43" },
    ];

    /// <summary>The first demo user with the role: <c>admin</c>, <c>supervisor</c>, <c>clerk</c>, <c>samr-reviewer</c>, <c>samr-head</c>, <c>applicant</c>.</summary>
    public static User For(Role role) => All.First(u => u.Role == role);

    /// <summary>The hall's windows of the demo: the clerks' (w01, the lead clerk's w02) and those of the generated history's clerks.</summary>
    public static IReadOnlyList<ServiceWindow> Windows { get; } =
    [
        new("w01", "综合受理 1 号窗口", "General window 1", "一楼大厅 1 号", true),
        new("w02", "综合受理 2 号窗口（窗口负责人）", "General window 2 (lead clerk)", "一楼大厅 2 号", true),
        new("w03", "综合受理 3 号窗口", "General window 3", "一楼大厅 3 号", true),
        new("w04", "综合受理 4 号窗口", "General window 4", "一楼大厅 4 号", true),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue(SeedSetting, true))
            return;
        // A fresh database has no windows yet; one migrated from before windows were rows has those its clerks and cases named.
        await windows.SeedAsync(Windows, cancellationToken);
        if (await users.AnyAsync(cancellationToken))
            return;
        // Each hash costs a deliberate fraction of a second: spread them over the cores.
        var accounts = All.AsParallel().AsOrdered().Select(u => new UserAccount(u, hasher.Hash(Password))).ToList();
        try
        {
            await users.SaveAsync(accounts, cancellationToken);
            logger.LogInformation("Seeded {Count} demo users (see README, \"Demo users\"); {Setting}=false keeps them out.", accounts.Count, SeedSetting);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // Another node sharing the database may have seeded them first; anything else is a real failure.
            if (!await users.AnyAsync(cancellationToken))
                throw;
        }
    }
}
