using System.Net;
using System.Net.Http.Json;
using Approval.Api.Identity;
using Approval.Api.Persistence;
using Approval.Workflows.Applicants;
using Approval.Workflows.Catalog;
using Approval.Workflows.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Api.Identity;

/// <summary>Demo users are seeded into an empty Users table, unless Approval:Demo:SeedUsers is false.</summary>
public class DemoUsersTests
{
    [Test]
    public void There_is_a_demo_user_for_every_role_and_a_reviewer_and_a_head_for_every_department_of_the_demo_catalog()
    {
        Assert.That(Enum.GetValues<Role>(), Is.SubsetOf(DemoUsers.All.Select(u => u.Role)));
        foreach (var department in DemoCatalog.Departments.Select(d => d.Code))
        {
            Assert.That(DemoUsers.All.Where(u => u.DepartmentCode == department).Select(u => u.Role),
                Is.EquivalentTo(new[] { Role.DepartmentReviewer, Role.DepartmentHead }), department);
        }
        Assert.That(DemoUsers.All.Select(u => u.UserName), Is.Unique);
        Assert.That(DemoUsers.All.Select(u => u.Id), Is.Unique);
        Assert.That(DemoUsers.For(Role.WindowClerk).WindowCode, Is.EqualTo("w01"));
    }

    [Test]
    public void Demo_applicants_are_filed_under_valid_identifiers_a_person_and_an_organisation()
    {
        var ids = DemoUsers.All.Where(u => u.Role == Role.Applicant).Select(u => u.ApplicantIdNumber).ToList();
        Assert.That(ids, Does.Contain("11010519491231002X").And.Contain("91350100M000100Y43"));
        Assert.That(ResidentIdNumber.TryParse("11010519491231002X", out _, out var personReason), Is.True, personReason?.Text);
        Assert.That(UnifiedSocialCreditCode.TryParse("91350100M000100Y43", out _, out var codeReason), Is.True, codeReason?.Text);
    }

    [Test]
    public async Task Every_seeded_demo_user_signs_in_with_the_documented_password()
    {
        await using var factory = new ApprovalApiFactory();
        using var client = factory.CreateClient();
        foreach (var user in DemoUsers.All)
        {
            var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = user.UserName, password = "Demo@2026" });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), user.UserName);
        }
    }

    [Test]
    public async Task With_seeding_turned_off_no_user_is_created()
    {
        await using var factory = new UnseededFactory();
        using var client = factory.CreateClient();
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        Assert.That(await db.Users.CountAsync(), Is.Zero);
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = "Demo@2026" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private sealed class UnseededFactory : ApprovalApiFactoryBase
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Approval:Demo:SeedUsers"] = "false" };
    }
}
