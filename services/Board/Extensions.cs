using Mash.Board.Calls;
using Mash.Board.Components;
using Mash.Board.Periods;
using Mash.Board.SignIn;
using Mash.Contracts.Outcomes.V1;
using Mash.Contracts.Quality.V1;
using Mash.Contracts.Timeliness.V1;
using Mash.ServiceDefaults;

namespace Mash.Board;

public static class Extensions
{
    // Service discovery's names for the services' gRPC endpoints, as the AppHost's references give them.
    public const string DefaultQualityAddress = "http://_grpc.quality";
    public const string DefaultOutcomesAddress = "http://_grpc.outcomes";
    public const string DefaultTimelinessAddress = "http://_grpc.timeliness";

    /// <summary>The page's Razor components, its sign-in (cookie; OpenID Connect when configured), and the gRPC clients it calls the services with as the signed-in person.</summary>
    public static TBuilder AddBoard<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var configuration = builder.Configuration;
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.AddBoardSignIn();
        builder.Services.AddOptions<BoardOptions>().Bind(configuration.GetSection(BoardOptions.SectionName));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BoardYear>();
        builder.Services.AddGrpcClient<AssuranceService.AssuranceServiceClient>(o => o.Address = new Uri(configuration["Board:QualityAddress"] ?? DefaultQualityAddress));
        builder.Services.AddGrpcClient<OutcomesService.OutcomesServiceClient>(o => o.Address = new Uri(configuration["Board:OutcomesAddress"] ?? DefaultOutcomesAddress));
        builder.Services.AddGrpcClient<TimelinessService.TimelinessServiceClient>(o => o.Address = new Uri(configuration["Board:TimelinessAddress"] ?? DefaultTimelinessAddress));
        builder.Services.AddScoped<BoardCalls>();
        return builder;
    }

    /// <summary>The page's own stylesheet and Blazor's script (open to anyone: no data in them), sign-out, and the pages.</summary>
    public static WebApplication MapBoard(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapSignInAndOut();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
