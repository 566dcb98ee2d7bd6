using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Mash.Testing.Servers;
using Mash.Timeliness;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TimelinessBenchmark;

/// <summary>Timeliness in this process as Program.cs hosts it (service defaults, AddTimeliness: consumers, outbox, alert scheduler) over the benchmark's PostgreSQL and RabbitMQ.</summary>
internal sealed class TimelinessHost(WebApplication app) : IAsyncDisposable
{
    public static async Task<TimelinessHost> StartAsync(string postgres, string rabbitMq)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(TestTokens.Configuration)
        {
            ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{Processes.FreePort()}",
            ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{Processes.FreePort()}",
            ["ConnectionStrings:postgres"] = postgres,
            ["ConnectionStrings:rabbitmq"] = rabbitMq,
            // The figures, not the service's start-up lines.
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddServiceDefaults();
        builder.AddTimeliness();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        await app.Services.GetRequiredService<DatabaseMigrationStatus>().WaitUntilCompletedAsync();
        return new TimelinessHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
