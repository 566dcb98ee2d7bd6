using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Mash.Hosting.Dashboard;

/// <summary>
/// A small Kestrel server on 127.0.0.1. Built from the empty builder, so nothing in the AppHost's
/// own environment (ASPNETCORE_URLS, Kestrel__Endpoints__*) can add listeners or logging to it.
/// If the preferred port is taken (a second stack), it takes a free one instead.
/// </summary>
internal static class LoopbackHost
{
    public static async Task<(WebApplication App, int Port)> StartAsync(int preferredPort, Action<WebApplication> map, CancellationToken cancellationToken)
    {
        try
        {
            return await StartOnAsync(preferredPort, map, cancellationToken);
        }
        catch (IOException) when (preferredPort != 0)
        {
            return await StartOnAsync(0, map, cancellationToken);
        }
    }

    private static async Task<(WebApplication, int)> StartOnAsync(int port, Action<WebApplication> map, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.UseRouting();
        map(app);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Urls.Single();
        return (app, new Uri(address).Port);
    }
}
