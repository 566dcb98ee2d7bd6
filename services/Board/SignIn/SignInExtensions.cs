using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Mash.Board.SignIn;

public static class SignInExtensions
{
    /// <summary>The council's OpenID Connect provider, ASP.NET Core's own settings (Authority, ClientId, ClientSecret, Scope …).</summary>
    public const string OpenIdConnectSection = "Authentication:Schemes:OpenIdConnect";

    public const string SignInPath = "/sign-in";
    public const string RefusedPath = "/refused";

    /// <summary>
    /// The page's own scheme, an encrypted HttpOnly, SameSite=Strict cookie holding the person's token
    /// (ServiceDefaults made the services' bearer scheme the default; a browser sends no bearer
    /// token). With a provider configured, signing in goes to it; without one, the sign-in form takes a
    /// staff token (development and tests).
    /// </summary>
    public static void AddBoardSignIn(this IHostApplicationBuilder builder)
    {
        var withProvider = HasProvider(builder.Configuration);
        var authentication = builder.Services.AddAuthentication(options =>
        {
            options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.DefaultChallengeScheme = withProvider ? OpenIdConnectDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme;
        }).AddCookie(options =>
        {
            options.Cookie.Name = "mash-board";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = SignInPath;
            options.AccessDeniedPath = RefusedPath;
            // The cookie lasts as long as the token in it, never longer (set at sign-in).
            options.SlidingExpiration = false;
        });
        if (withProvider)
        {
            authentication.AddOpenIdConnect(options =>
            {
                options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.ResponseType = "code";
                options.MapInboundClaims = false;
                options.Events.OnTokenValidated = context => SignedInWithProvider(context);
            });
        }
        builder.Services.AddSingleton<StaffTokenValidator>();
    }

    public static bool HasProvider(IConfiguration configuration) => configuration.GetSection(OpenIdConnectSection)["Authority"] is { Length: > 0 };

    /// <summary>The provider's access token (for the services' audience, by the configured Scope) is what the page calls them with; outside the board's roles, refused.</summary>
    private static Task SignedInWithProvider(TokenValidatedContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || context.TokenEndpointResponse?.AccessToken is not { } token)
        {
            context.Fail("No access token for the services.");
            return Task.CompletedTask;
        }
        context.Principal = BoardPrincipal.From(identity, token);
        if (!BoardAccess.MayOpen(context.Principal))
        {
            context.Response.Redirect(RefusedPath);
            context.HandleResponse();
        }
        return Task.CompletedTask;
    }

    /// <summary>Signing in at the provider (when there is one), and signing out, which forgets the cookie and with it the token.</summary>
    public static void MapSignInAndOut(this WebApplication app)
    {
        if (HasProvider(app.Configuration))
        {
            app.MapGet(SignInPath + "/provider", (HttpContext context) => context.ChallengeAsync(OpenIdConnectDefaults.AuthenticationScheme, new AuthenticationProperties { RedirectUri = "/" }))
                .AllowAnonymous();
        }
        app.MapPost("/sign-out", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect(SignInPath);
        }).AllowAnonymous();
    }
}
