using System.Globalization;
using Mash.Intake;
using Mash.Intake.Grpc;
using Mash.Intake.Security;
using Mash.ServiceDefaults;
using Mash.Testing.Servers;

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace IntakeBenchmark;

/// <summary>
/// Intake in this process, built as services/Intake/Program.cs builds it (service defaults, AddIntake,
/// default endpoints, the gRPC service), with the configuration the AppHost would give it supplied in
/// memory: its database and RabbitMQ, a gRPC and a management port, a pseudonym key and one agency.
/// </summary>
internal sealed class IntakeHost : IAsyncDisposable
{
    /// <summary>The benchmark agency's bearer token; Intake holds only its SHA-256.</summary>
    public const string Token = "intake-benchmark-police-west-token-0123456789abcdef";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);
    private readonly WebApplication app;

    private IntakeHost(WebApplication app, Uri address, string databaseConnectionString)
    {
        this.app = app;
        Address = address;
        DatabaseConnectionString = databaseConnectionString;
    }

    /// <summary>The gRPC (h2c) address.</summary>
    public Uri Address { get; }

    /// <summary>Intake's own database, for watching its outbox.</summary>
    public string DatabaseConnectionString { get; }

    public static async Task<IntakeHost> StartAsync(PostgresServer postgres, RabbitMqServer rabbitMq)
    {
        var database = postgres.ConnectionString(await postgres.CreateDatabaseAsync("intakedb"));
        var grpcPort = Processes.FreePort();
        var managementPort = Processes.FreePort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            // Intake's own name: it names the bus's queues and the database connections as in production.
            ApplicationName = typeof(IntakeGrpcService).Assembly.GetName().Name,
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Added last, so these win over appsettings and whatever the shell's environment holds.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = database,
            ["ConnectionStrings:rabbitmq"] = rabbitMq.ConnectionString,
            ["Kestrel:Endpoints:grpc:Url"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{grpcPort}"),
            ["Kestrel:Endpoints:http:Url"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{managementPort}"),
            ["Intake:PseudonymKey"] = "intake-benchmark-pseudonym-key-not-for-real-contacts",
            ["Intake:Agencies:0:OrganisationId"] = ContactSource.AgencyId,
            ["Intake:Agencies:0:TokenSha256"] = AgencyCredentials.HashOf(Token),
            ["Logging:LogLevel:Default"] = "Warning",
            // Every check is Unhealthy until the migrations are applied and the bus is connected, and the
            // health service logs each such answer as an error while this waits for /health.
            ["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "Critical",
            // No telemetry export: the benchmark has no collector, and an exporter would only add noise.
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "",
        });
        builder.AddServiceDefaults();
        builder.AddIntake();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGrpcService<IntakeGrpcService>();
        await app.StartAsync();
        var host = new IntakeHost(app, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{grpcPort}")), database);
        try
        {
            await WaitUntilReadyAsync(new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{managementPort}{HealthEndpoints.HealthPath}")));
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>/health answers 200 once the migrations are applied and the bus is connected.</summary>
    private static async Task WaitUntilReadyAsync(Uri health)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + ReadyTimeout;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await client.GetAsync(health);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
                last = await response.Content.ReadAsStringAsync();
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Intake was not ready within {ReadyTimeout.TotalSeconds:0} s: {last}");
    }

    /// <summary>How many contacts Intake holds.</summary>
    public async Task<long> CountContactsAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(DatabaseConnectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM contacts");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
