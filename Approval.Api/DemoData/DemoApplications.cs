using System.Globalization;
using System.Text.Json.Nodes;
using Approval.Workflows.Applicants;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;

namespace Approval.Api.DemoData;

/// <summary>
/// Applications to the demo catalog's four items as people fill them in: citizens of Yunfu's districts with resident ID
/// numbers whose check digit is right, companies with unified social credit codes whose check character is right, and
/// forms that pass the item's <see cref="FormValidation"/>.
/// </summary>
internal static class DemoApplications
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "梁"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "华", "建国", "志强", "海燕", "晓东", "美玲"];
    // 云浮市: 云城区, 云安区, 新兴县, 郁南县, 罗定市.
    private static readonly (string Code, string Name)[] Districts = [("445302", "云城区"), ("445303", "云安区"), ("445321", "新兴县"), ("445322", "郁南县"), ("445381", "罗定市")];
    private static readonly string[] Streets = ["兴云东路", "建设北路", "世纪大道", "星岩四路", "府前路", "环市东路", "金山大道", "东堤南路"];
    private static readonly string[] Trades = ["科技", "商贸", "餐饮管理", "建筑工程", "物流", "石材", "农业发展", "文化传媒", "医药", "电子"];
    private static readonly string[] Scopes = ["软件开发；信息技术咨询服务", "日用百货零售", "餐饮服务", "石材加工及销售", "普通货物道路运输", "农产品收购与销售", "广告设计、制作", "药品零售"];
    private static readonly string[] Shops = ["小吃店", "便利店", "粉面馆", "烧腊店", "茶餐厅", "水果店", "糖水铺", "饭店"];

    public static Application For(ApprovalItem item, Random random)
    {
        var person = Person(random);
        var district = Districts[random.Next(Districts.Length)];
        var address = $"云浮市{district.Name}{Streets[random.Next(Streets.Length)]}{random.Next(1, 300)}号";
        switch (item.Code)
        {
            case var code when code == DemoCatalog.EnterpriseEstablishment.Code:
            {
                var company = $"云浮市{Word(random)}{Trades[random.Next(Trades.Length)]}有限公司";
                var applicant = random.NextDouble() < 0.7 ? person : Organisation(company, random);
                return new Application(code, applicant, new JsonObject
                {
                    ["companyName"] = company, ["registeredCapital"] = random.Next(1, 50) * 10, ["businessScope"] = Scopes[random.Next(Scopes.Length)],
                    ["address"] = address, ["legalRepresentativeId"] = person.IdNumber,
                });
            }
            case var code when code == DemoCatalog.ConstructionPermit.Code:
            {
                var unit = Organisation($"云浮市{Word(random)}房地产开发有限公司", random);
                // About a third are high-rise or large projects: the process adds the 人防 review and an expert review (clock stopped).
                var large = random.NextDouble() < 0.3;
                return new Application(code, unit, new JsonObject
                {
                    ["projectName"] = $"{Word(random)}{(large ? "商业综合体" : "住宅小区")}{random.Next(1, 9)}期", ["constructionUnitCode"] = unit.IdNumber,
                    ["buildingHeight"] = large ? random.Next(101, 200) : random.Next(12, 99), ["investment"] = (large ? random.Next(60, 500) : random.Next(5, 49)) * 1_000_000,
                    ["address"] = address,
                });
            }
            case var code when code == DemoCatalog.FoodBusinessLicense.Code:
            {
                var shop = $"{person.Name}{Shops[random.Next(Shops.Length)]}";
                var applicant = random.NextDouble() < 0.6 ? person : Organisation($"云浮市{Word(random)}餐饮管理有限公司", random);
                return new Application(code, applicant, new JsonObject
                {
                    ["shopName"] = shop, ["businessType"] = DemoCatalog.FoodBusinessLicense.Form.First(f => f.Name == "businessType").Choices[random.Next(3)],
                    ["operatorId"] = person.IdNumber, ["area"] = random.Next(15, 400), ["address"] = address,
                });
            }
            case var code when code == DemoCatalog.IndividualBusiness.Code:
                return new Application(code, person, new JsonObject
                {
                    ["businessName"] = $"{person.Name}{Shops[random.Next(Shops.Length)]}", ["operatorId"] = person.IdNumber,
                    ["businessScope"] = Scopes[random.Next(Scopes.Length)], ["address"] = address,
                });
            default:
                throw new ArgumentException($"the demo history has no applications for item {item.Code}", nameof(item));
        }
    }

    /// <summary>A citizen: a name and an 18-digit resident ID of a Yunfu district, born 1950–2004.</summary>
    public static Applicant Person(Random random)
    {
        var name = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];
        var born = new DateOnly(1950, 1, 1).AddDays(random.Next(0, 55 * 365));
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{Districts[random.Next(Districts.Length)].Code}{born:yyyyMMdd}{random.Next(0, 1000):D3}");
        return new Applicant(ApplicantKind.Person, first17 + ResidentIdNumber.CheckDigitOf(first17), name, $"13{random.Next(0, 1_000_000_000):D9}");
    }

    /// <summary>An enterprise (registration authority 9, kind 1) of Yunfu with a unified social credit code.</summary>
    public static Applicant Organisation(string name, Random random)
    {
        var characters = UnifiedSocialCreditCode.Characters;
        Span<char> body = stackalloc char[9];
        for (var i = 0; i < body.Length; i++)
            body[i] = characters[random.Next(characters.Length)];
        var first17 = $"91{Districts[random.Next(Districts.Length)].Code}{body}";
        return new Applicant(ApplicantKind.Organisation, first17 + UnifiedSocialCreditCode.CheckCharacterOf(first17), name, $"0766{random.Next(0, 10_000_000):D7}");
    }

    private static string Word(Random random) => Streets[random.Next(Streets.Length)][..2] + Trades[random.Next(Trades.Length)][..1];
}
