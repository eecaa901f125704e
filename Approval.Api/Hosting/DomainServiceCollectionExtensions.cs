using Approval.Api.Credit;
using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Microsoft.Extensions.Options;

namespace Approval.Api.Hosting;

/// <summary>Wires the approval domain's services.</summary>
public static class DomainServiceCollectionExtensions
{
    public static IServiceCollection AddApprovalDomain(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BusinessHours>(configuration.GetSection("Approval:Calendar"));
        services.Configure<CaseRules>(configuration.GetSection("Approval:Rules"));
        services.Configure<Approval.Workflows.Supervision.ScoreRules>(configuration.GetSection("Approval:Supervision:Score"));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<BusinessHours>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CaseRules>>().Value);
        // The calendar in force changes when an administrator saves a year: services read it from the source.
        services.AddSingleton(_ => new CalendarSource(WorkingDayCalendar.Official));
        services.AddSingleton(sp => new DueInstantCalculator(sp.GetRequiredService<CalendarSource>(), sp.GetRequiredService<BusinessHours>()));
        services.AddSingleton<CalendarEditor>();
        services.AddHostedService<CalendarRefresh>();
        services.AddSingleton<Calendar.CalendarReminders>();
        services.AddSingleton<CaseClock>();
        services.AddSingleton<CaseNumbers>();
        services.AddSingleton<CaseProcess>();
        services.AddSingleton<CaseCommands>();
        services.AddSingleton<CaseIntake>();
        services.AddSingleton<ItemPublishing>();
        services.AddSingleton<WindowDesk>();
        services.AddSingleton<DepartmentDesk>();
        services.AddSingleton<DepartmentSystemAnswers>();
        services.AddSingleton<Corrections>();
        services.AddSingleton<ApplicantDesk>();
        services.AddSingleton<AcceptanceDeadlines>();
        services.AddSingleton<ClockWatch>();
        services.AddSingleton<CalendarChangeClocks>();
        services.AddApprovalCredit(configuration);
        services.Configure<Approval.Workflows.Attachments.AttachmentRules>(configuration.GetSection("Approval:Attachments"));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<Approval.Workflows.Attachments.AttachmentRules>>().Value);
        services.AddSingleton(sp => new Approval.Api.Attachments.FileSystemAttachmentStorage(
            Path.Combine(Approval.Api.Persistence.DataDirectory.Resolve(sp.GetRequiredService<IConfiguration>()), "attachments")));
        services.AddSingleton<Approval.Workflows.Attachments.IAttachmentStorage>(sp => sp.GetRequiredService<Approval.Api.Attachments.FileSystemAttachmentStorage>());
        services.AddTransient<Approval.Api.Attachments.OrphanedAttachmentSweep>();
        services.AddSingleton<CaseFiles>();
        services.AddTransient<DemoCatalogSeed>();
        services.AddTransient<DemoCaseSeed>();
        services.AddTransient<DemoData.DemoHistoryGenerator>();
        services.AddTransient<DemoData.HistorySeal>();
        return services;
    }
}

/// <summary>Fills an empty catalog with the demo departments and items (<c>Approval:Demo:SeedCatalog</c>, default true).</summary>
public sealed class DemoCatalogSeed(ICatalog catalog, IConfiguration configuration, TimeProvider time, ILogger<DemoCatalogSeed> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Approval:Demo:SeedCatalog", true) || (await catalog.ListItemsAsync(cancellationToken)).Count > 0)
            return;
        foreach (var department in DemoCatalog.Departments)
            await catalog.SaveDepartmentAsync(department, cancellationToken);
        foreach (var item in DemoCatalog.Items)
            await catalog.PublishItemAsync(item, new ItemPublication("seed", time.GetUtcNow(), "示范目录 (demo catalog)"), cancellationToken);
        logger.LogInformation("Seeded the demo catalog: {Departments} departments, {Items} items.", DemoCatalog.Departments.Count, DemoCatalog.Items.Count);
    }
}
