using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mash.ServiceDefaults.Tests;

/// <summary>
/// What each service's shipped appsettings.json lets through at Information: what an operator acts
/// on (start-up, migrations), not a line per SQL command, outbox poll, request or client error.
/// </summary>
public sealed class ShippedLoggingTests
{
    public static TheoryData<string> Services => new() { "Intake", "Triage", "Timeliness", "Outcomes", "Quality" };

    [Theory]
    [MemberData(nameof(Services))]
    public void Per_command_and_per_request_categories_are_quiet_at_Information(string service)
    {
        using var loggers = LoggersAsShipped(service);

        string[] chatty =
        [
            "Npgsql.Command",                                   // every SQL command, the outbox's poll included
            "Grpc.AspNetCore.Server.ServerCallHandler",         // every error status a handler returns
            "Microsoft.AspNetCore.Hosting.Diagnostics",         // every request
            "MassTransit",                                      // endpoint configuration, usage telemetry
            "System.Net.Http.HttpClient.Default.LogicalHandler", // every outgoing request
        ];
        Assert.All(chatty, category => Assert.False(loggers.GetRequiredService<ILoggerFactory>().CreateLogger(category).IsEnabled(LogLevel.Information), category));
        Assert.All(chatty, category => Assert.True(loggers.GetRequiredService<ILoggerFactory>().CreateLogger(category).IsEnabled(LogLevel.Warning), category));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void A_failing_health_check_is_not_an_error_on_every_probe(string service)
    {
        using var loggers = LoggersAsShipped(service);

        var healthChecks = loggers.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService");
        Assert.False(healthChecks.IsEnabled(LogLevel.Error));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Start_up_and_migrations_are_logged_at_Information(string service)
    {
        using var loggers = LoggersAsShipped(service);

        Assert.True(loggers.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.Hosting.Lifetime").IsEnabled(LogLevel.Information));
        Assert.True(loggers.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrationRunner).FullName!).IsEnabled(LogLevel.Information));
    }

    private static ServiceProvider LoggersAsShipped(string service)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepoRoot(), "services", service, "appsettings.json"), optional: false)
            .Build();
        return new ServiceCollection()
            .AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddProvider(new Sink()))
            .BuildServiceProvider();
    }

    private static string RepoRoot([CallerFilePath] string path = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));

    // A provider for the filter rules to apply to (they filter per provider; with none, nothing is
    // enabled), whose loggers take every level the rules let through.
    private sealed class Sink : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public bool IsEnabled(LogLevel logLevel) => true;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }

        public void Dispose()
        {
        }
    }
}
