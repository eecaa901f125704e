using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Approval.Api.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Approval.Api.Identity;

/// <summary>
/// Who is signed in (a bearer token for API clients, a cookie for the pages) and what their role allows (<see cref="Policies"/>).
/// Every endpoint needs a signed-in user unless it says <c>AllowAnonymous()</c>.
/// </summary>
public static class IdentityServiceCollectionExtensions
{
    /// <summary>The default scheme: the JWT bearer scheme when the request has <c>Authorization: Bearer</c>, else the cookie.</summary>
    public const string BearerOrCookie = nameof(BearerOrCookie);

    public static IServiceCollection AddApprovalIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section))
            .Validate(o => o.TokenLifetime > TimeSpan.Zero, $"{AuthOptions.Section}:TokenLifetime must be positive.")
            .Validate(o => o.ClientTokenLifetime > TimeSpan.Zero, $"{AuthOptions.Section}:ClientTokenLifetime must be positive.")
            .Validate<IHostEnvironment>((o, environment) => o.PasswordIterations >= Pbkdf2PasswordHasher.MinimumFor(environment),
                $"{AuthOptions.Section}:PasswordIterations must be at least {Pbkdf2PasswordHasher.MinimumIterations}.")
            .Validate(o => o.LockoutThreshold >= 0, $"{AuthOptions.Section}:LockoutThreshold must be 0 (no lockout) or more.")
            .Validate(o => o.LockoutPeriod > TimeSpan.Zero, $"{AuthOptions.Section}:LockoutPeriod must be positive.")
            .ValidateOnStart();
        services.AddSingleton(sp => new Pbkdf2PasswordHasher(
            sp.GetRequiredService<IOptions<AuthOptions>>().Value.PasswordIterations,
            Pbkdf2PasswordHasher.MinimumFor(sp.GetRequiredService<IHostEnvironment>())));
        services.AddSingleton<TokenSigningKey>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<EfUserStore>();
        services.AddSingleton<EfAbsences>();
        services.AddSingleton<StaffAdministration>();
        services.AddSingleton<EfWindows>();
        services.AddSingleton<WindowAdministration>();
        services.AddSingleton<DepartmentColleagues>();
        services.AddSingleton<AbsenceDesk>();
        services.AddSingleton<PasswordSignIn>();
        services.AddSingleton<SecurityStampCheck>();
        services.AddTransient<DemoUsers>();

        // Cookies are encrypted with data-protection keys: kept in the data folder, they outlive a restart as tokens do.
        services.AddDataProtection()
            .SetApplicationName("Approval")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(DataDirectory.Resolve(configuration), "data-protection-keys")));

        services.AddAuthentication(BearerOrCookie)
            .AddPolicyScheme(BearerOrCookie, "Bearer token or cookie", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddJwtBearer()
            .AddCookie();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TokenSigningKey, TimeProvider>((options, key, clock) =>
            {
                options.MapInboundClaims = false; // keep the claim names of ApprovalClaims
                options.TokenValidationParameters = AccessTokenIssuer.ValidationParameters(key, clock);
                options.TimeProvider = clock;
                options.Events = AuthenticationProblems.BearerEvents();
                options.Events.OnTokenValidated = SecurityStampCheck.ValidateTokenAsync;
            });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((options, auth) =>
            {
                options.Cookie.Name = "approval.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = auth.Value.TokenLifetime;
                options.SlidingExpiration = true;
                options.Events = AuthenticationProblems.CookieEvents();
                options.Events.OnValidatePrincipal = SecurityStampCheck.ValidateCookieAsync;
            });

        var authorization = services.AddAuthorizationBuilder();
        foreach (var (name, roles) in Policies.Roles)
            authorization.AddPolicy(name, RoleIn(roles));
        authorization.SetFallbackPolicy(RoleIn(Policies.Roles[Policies.SignedIn]));

        // The Hangfire dashboard checks antiforgery tokens on its POSTs when the service is there: it is cookie-authenticated.
        services.AddAntiforgery();
        services.ConfigureSwaggerGen(SwaggerBearerSecurity.Configure);
        return services;
    }

    /// <summary>
    /// Authenticates and authorizes requests. Called after <c>UseApprovalApi</c>: problem details and Swagger come first,
    /// so that refusals are problem details and the Swagger UI needs no sign-in.
    /// </summary>
    public static WebApplication UseApprovalIdentity(this WebApplication app)
    {
        // Loaded (or generated) now: a bad configured key stops the start, not the first sign-in.
        app.Services.GetRequiredService<TokenSigningKey>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    private static AuthorizationPolicy RoleIn(IEnumerable<Workflows.People.Role> roles) =>
        new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireClaim(ApprovalClaims.Role, roles.Select(r => r.ToString()))
            .Build();
}
