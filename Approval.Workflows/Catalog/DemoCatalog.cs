namespace Approval.Workflows.Catalog;

/// <summary>The demo catalog a fresh installation starts with: real departments and four typical items.</summary>
public static class DemoCatalog
{
    public static IReadOnlyList<Department> Departments { get; } =
    [
        new("samr", "市场监督管理局"),
        new("tax", "税务局"),
        new("eco", "生态环境局"),
        new("fire", "消防救援支队"),
        new("health", "卫生健康委员会"),
        new("hrss", "人力资源和社会保障局"),
        new("housing", "住房和城乡建设局"),
        new("planning", "自然资源和规划局"),
        new("civil-defense", "人民防空办公室"),
    ];

    public static ApprovalItem EnterpriseEstablishment { get; } = new()
    {
        Code = "QY-SL-001",
        Name = "企业设立登记",
        Kind = ItemKind.Joint,
        LeadDepartmentCode = "samr",
        ParallelReviews =
        [
            new("samr", 5), new("tax", 5), new("eco", 5), new("fire", 5), new("health", 5), new("hrss", 5),
        ],
        LegalBasis = "《中华人民共和国市场主体登记管理条例》第十九条；《中华人民共和国行政许可法》第二十六条（联合办理）",
        StatutoryLimitDays = 45,
        PromisedLimitDays = 15,
        Materials =
        [
            new("application", "公司登记（备案）申请书", MaterialForm.Original, 1, false),
            new("articles", "公司章程", MaterialForm.Original, 1, false),
            new("shareholders", "股东主体资格证明", MaterialForm.Copy, 1, false),
            new("legal-rep", "法定代表人、董事、监事和经理的任职文件", MaterialForm.Original, 1, false),
            new("premises", "住所使用证明", MaterialForm.Copy, 1, true),
        ],
        AcceptanceConditions = ["申请材料齐全、符合法定形式", "企业名称已通过自主申报"],
        Form =
        [
            new FormField("companyName", "企业名称", FieldType.Text, Required: true) { MaxLength = 60 },
            new FormField("registeredCapital", "注册资本（万元）", FieldType.Number, Required: true) { Min = 0 },
            new FormField("businessScope", "经营范围", FieldType.Text, Required: true) { MaxLength = 2000 },
            new FormField("address", "住所", FieldType.Text, Required: true) { MaxLength = 200 },
            new FormField("legalRepresentativeId", "法定代表人身份证号", FieldType.ResidentId, Required: true),
        ],
        ProcessDefinitionId = "enterprise-establishment",
        Result = new ItemResult("营业执照", ResultKind.Certificate),
    };

    public static ApprovalItem ConstructionPermit { get; } = new()
    {
        Code = "JS-SG-001",
        Name = "建设工程施工许可",
        Kind = ItemKind.Joint,
        LeadDepartmentCode = "housing",
        ParallelReviews = [new("housing", 7), new("planning", 5), new("fire", 5), new("civil-defense", 5)],
        LegalBasis = "《中华人民共和国建筑法》第八条；《建筑工程施工许可管理办法》第五条",
        StatutoryLimitDays = 15,
        PromisedLimitDays = 10,
        Materials =
        [
            new("application", "建筑工程施工许可证申请表", MaterialForm.Original, 1, false),
            new("land", "用地批准手续", MaterialForm.Copy, 1, false),
            new("planning-permit", "建设工程规划许可证", MaterialForm.Copy, 1, false),
            new("contract", "施工合同", MaterialForm.Copy, 1, false),
            new("drawings", "施工图设计文件审查合格书", MaterialForm.Copy, 1, true),
            new("funds", "建设资金已经落实承诺书", MaterialForm.Original, 1, false),
        ],
        AcceptanceConditions = ["已经办理该建筑工程用地批准手续", "依法应当办理建设工程规划许可证的，已经取得规划许可证", "有满足施工需要的资金安排、施工图纸及技术资料"],
        Form =
        [
            new FormField("projectName", "工程名称", FieldType.Text, Required: true) { MaxLength = 100 },
            new FormField("constructionUnitCode", "建设单位统一社会信用代码", FieldType.CreditCode, Required: true),
            new FormField("buildingHeight", "建筑高度（米）", FieldType.Number, Required: true) { Min = 0, Max = 1000 },
            new FormField("investment", "总投资（元）", FieldType.Number, Required: true) { Min = 0 },
            new FormField("address", "建设地址", FieldType.Text, Required: true) { MaxLength = 200 },
        ],
        ProcessDefinitionId = "construction-permit",
        Result = new ItemResult("建筑工程施工许可证", ResultKind.Certificate),
    };

    public static ApprovalItem FoodBusinessLicense { get; } = new()
    {
        Code = "SP-JY-001",
        Name = "食品经营许可",
        Kind = ItemKind.Promised,
        LeadDepartmentCode = "samr",
        ParallelReviews = [new("samr", 10)],
        LegalBasis = "《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》",
        StatutoryLimitDays = 20,
        PromisedLimitDays = 10,
        Materials =
        [
            new("application", "食品经营许可申请书", MaterialForm.Original, 1, false),
            new("licence", "营业执照或者其他主体资格证明文件", MaterialForm.Copy, 1, false),
            new("layout", "与食品经营相适应的主要设备设施布局、操作流程等文件", MaterialForm.Original, 1, false),
            new("rules", "食品安全自查、从业人员健康管理等规章制度", MaterialForm.Original, 1, true),
        ],
        AcceptanceConditions = ["具有与经营的食品品种、数量相适应的经营场所", "有专职或者兼职的食品安全管理人员"],
        Form =
        [
            new FormField("shopName", "经营者名称", FieldType.Text, Required: true) { MaxLength = 60 },
            new FormField("businessType", "经营项目", FieldType.Choice, Required: true) { Choices = ["食品销售", "餐饮服务", "单位食堂"] },
            new FormField("operatorId", "法定代表人（负责人）身份证号", FieldType.ResidentId, Required: true),
            new FormField("area", "经营场所面积（平方米）", FieldType.Number) { Min = 0 },
            new FormField("address", "经营场所", FieldType.Text, Required: true) { MaxLength = 200 },
        ],
        ProcessDefinitionId = "food-business-license",
        Result = new ItemResult("食品经营许可证", ResultKind.Certificate),
    };

    public static ApprovalItem IndividualBusiness { get; } = new()
    {
        Code = "GT-DJ-001",
        Name = "个体工商户登记",
        Kind = ItemKind.Immediate,
        LeadDepartmentCode = "samr",
        LegalBasis = "《促进个体工商户发展条例》；《中华人民共和国市场主体登记管理条例》第十九条",
        StatutoryLimitDays = 3,
        PromisedLimitDays = 0,
        Materials =
        [
            new("application", "个体工商户登记（备案）申请书", MaterialForm.Original, 1, false),
            new("identity", "经营者身份证明", MaterialForm.Copy, 1, false),
            new("premises", "经营场所使用证明", MaterialForm.Copy, 1, true),
        ],
        AcceptanceConditions = ["申请材料齐全、符合法定形式"],
        Form =
        [
            new FormField("businessName", "个体工商户名称", FieldType.Text) { MaxLength = 60 },
            new FormField("operatorId", "经营者身份证号", FieldType.ResidentId, Required: true),
            new FormField("businessScope", "经营范围", FieldType.Text, Required: true) { MaxLength = 1000 },
            new FormField("address", "经营场所", FieldType.Text, Required: true) { MaxLength = 200 },
        ],
        ProcessDefinitionId = "individual-business",
        Result = new ItemResult("营业执照", ResultKind.Certificate),
        // 住所（经营场所）申报承诺制: the operator commits that the premises are theirs to use; samr checks on site afterwards.
        Commitment = new CommitmentOffer(["申请人对经营场所享有合法使用权，且该场所符合经营要求"], ["premises"], VerificationDays: 20),
    };

    public static IReadOnlyList<ApprovalItem> Items { get; } = [EnterpriseEstablishment, ConstructionPermit, FoodBusinessLicense, IndividualBusiness];
}
