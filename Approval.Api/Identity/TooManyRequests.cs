using System.Globalization;
using Approval.Api.Contract;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Api.Identity;

/// <summary>The 429 answer (RFC 6585) of every abuse limit: a problem detail, and <c>Retry-After</c> in whole seconds.</summary>
internal static class TooManyRequests
{
    /// <summary>The problem detail, with <c>Retry-After</c> set on the response it will be written to.</summary>
    public static ProblemDetails Problem(HttpContext context, TimeSpan retryAfter, ProblemText detail)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many requests",
            Detail = detail.English,
            Type = "https://tools.ietf.org/html/rfc6585#section-4",
        };
        problem.Extensions["retryAfterSeconds"] = seconds;
        // Said in the reader's language by ProblemLanguage; the code stays the status's (TooManyRequests).
        ProblemWords.Of(problem).Detail = detail;
        return problem;
    }

    /// <summary>Writes the answer itself (the rate limiter's rejections, which no endpoint answers).</summary>
    public static async ValueTask WriteAsync(HttpContext context, TimeSpan retryAfter, ProblemText detail, CancellationToken cancellationToken)
    {
        var problem = Problem(context, retryAfter, detail);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
            await context.Response.WriteAsync(detail.English, cancellationToken);
    }
}
