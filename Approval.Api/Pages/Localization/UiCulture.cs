using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Approval.Api.Pages.Localization;

/// <summary>The languages of the pages: Chinese by default, English on request.</summary>
internal static class UiCulture
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    /// <summary>The <c>lang</c> attribute of the pages in the current culture.</summary>
    public static string Lang => IsEnglish ? English : Chinese;

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == English;
}

/// <summary>Keeps a language chosen with <c>?culture=</c> in the culture cookie, so the next pages stay in it.</summary>
internal sealed class CultureCookie(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var asked = context.Request.Query["culture"].ToString();
        if (asked is UiCulture.Chinese or UiCulture.English)
        {
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(asked)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        }
        return next(context);
    }
}
