using Approval.Api.Identity;
using Approval.Api.Pages.Localization;
using Approval.Api.Pages.Workbench;
using Microsoft.AspNetCore.Authentication.Cookies;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;

namespace Approval.Api.Pages;

/// <summary>
/// The server-rendered pages (Razor Pages): the applicant portal, the staff workbench, sign-in. They call the same
/// use-case services as the HTTP API; htmx and Alpine.js (from npm, see FrontEnd.targets) enhance them in place.
/// </summary>
internal static class PagesServiceCollectionExtensions
{
    public static IServiceCollection AddApprovalPages(this IServiceCollection services)
    {
        services.AddLocalization();
        // Chinese text is written as characters, not as &#x...; entities.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Portal/Mine", Policies.Applicant);
            options.Conventions.AuthorizeFolder("/Workbench", Policies.SignedIn);
            options.Conventions.AuthorizeFolder("/Oversight", Policies.Oversight);
            options.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
        });
        services.Configure<RequestLocalizationOptions>(options =>
        {
            string[] cultures = [UiCulture.Chinese, UiCulture.English];
            options.SetDefaultCulture(UiCulture.Chinese).AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
            // Chinese unless the person chose otherwise: the browser's Accept-Language is not asked.
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        // Its constructor takes the work lists' internal query classes, hence the factory.
        services.AddSingleton(sp => new WorkbenchLists(sp.GetRequiredService<Approval.Api.WorkLists.WorkListCaseReader>(),
            sp.GetRequiredService<Approval.Api.WorkLists.DepartmentTaskList>(), sp.GetRequiredService<Approval.Api.WorkLists.ApplicantCaseList>(),
            sp.GetRequiredService<Approval.Api.WorkLists.WorkListCounts>(), sp.GetRequiredService<Approval.Workflows.Calendar.BusinessHours>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Approval.Api.Drafts.ApplicationDrafts>();
        services.AddSingleton<DeadlineText>();
        services.AddSingleton<Oversight.CaseNumbers>();

        // A page asks a person to sign in; an API client still gets its 401/403 problem details.
        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, options =>
        {
            var toLogin = options.Events.OnRedirectToLogin;
            var toDenied = options.Events.OnRedirectToAccessDenied;
            options.LoginPath = "/account/sign-in";
            options.Events.OnRedirectToLogin = context =>
            {
                if (!IsPage(context.Request))
                    return toLogin(context);
                context.Response.Redirect($"/account/sign-in?returnUrl={Uri.EscapeDataString(context.Request.Path + context.Request.QueryString)}");
                return Task.CompletedTask;
            };
            options.Events.OnRedirectToAccessDenied = context =>
            {
                if (!IsPage(context.Request))
                    return toDenied(context);
                // The status-code page renders the 403 page in the person's language.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>Static files, the culture of the request, and HTML error pages for page requests. Before authentication.</summary>
    public static WebApplication UseApprovalPages(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseMiddleware<CultureCookie>();
        app.UseWhen(context => IsPage(context.Request), pages =>
        {
            pages.UseExceptionHandler("/errors/500");
            pages.UseStatusCodePagesWithReExecute("/errors/{0}");
        });
        // Routing after the error pages: a re-executed request (to /errors/404) is routed again to its page.
        app.UseRouting();
        return app;
    }

    public static WebApplication MapApprovalPages(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }

    /// <summary>Whether a request is for a page (not the API, Swagger, Hangfire or health).</summary>
    public static bool IsPage(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/swagger")
        && !request.Path.StartsWithSegments("/hangfire") && !request.Path.StartsWithSegments("/health");
}
