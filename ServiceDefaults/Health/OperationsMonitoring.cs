using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mash.ServiceDefaults;

internal static class OperationsMonitoring
{
    /// <summary>Aspire.Npgsql's name for its check, which <see cref="PostgresPoolHealthCheck"/> takes over.</summary>
    internal const string PostgresCheck = "PostgreSql";

    /// <summary>
    /// The background sampler of <see cref="OperationsMonitor"/>, its metrics, and the checks that
    /// read it. Called by AddServiceDefaults, before the service says whether it has a database, an
    /// outbox or a bus: which checks run is settled when the checks are first asked for, from what
    /// the service registered by then.
    /// </summary>
    internal static void AddOperationsMonitoring(this IHostApplicationBuilder builder)
    {
        // Before any pool is used: Npgsql's waiting-request counter counts from when it is heard.
        ConnectionPoolWatch.Start();
        builder.Services.AddOptions<OperationsOptions>()
            .Bind(builder.Configuration.GetSection(OperationsOptions.SectionName))
            .Validate(options => options.IsUsable, OperationsOptions.Requirement)
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BusQueues>();
        // Connected by MassTransit to the bus, if the service has one.
        builder.Services.AddReceiveEndpointObserver(services => services.GetRequiredService<BusQueues>());
        builder.Services.AddSingleton<ConsumerFaults>();
        builder.Services.AddReceiveObserver(services => services.GetRequiredService<ConsumerFaults>());
        builder.Services.AddSingleton<OperationsMonitor>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OperationsMonitor>());
        builder.Services.AddSingleton(services => new OutboxWaiting(
            services.GetRequiredService<OperationsMonitor>(), services.GetService<EventOutbox>()));
        builder.Services.AddSingleton<IPostConfigureOptions<HealthCheckServiceOptions>, RegisterOperationsChecks>();
    }

    /// <summary>
    /// Runs after every other registration of checks (Aspire's among them): the database's check
    /// becomes <see cref="PostgresPoolHealthCheck"/>, the outbox and queue checks join when the
    /// service has them, and every check answers within <see cref="OperationsOptions.CheckTimeout"/>,
    /// so no probe waits on a slow dependency.
    /// </summary>
    private sealed class RegisterOperationsChecks(IServiceProviderIsService registered, IOptions<OperationsOptions> options) : IPostConfigureOptions<HealthCheckServiceOptions>
    {
        public void PostConfigure(string? name, HealthCheckServiceOptions checks)
        {
            var registrations = checks.Registrations;
            if (registered.IsService(typeof(NpgsqlDataSource)))
            {
                if (registrations.FirstOrDefault(r => r.Name == PostgresCheck) is { } aspire)
                {
                    aspire.Factory = services => ActivatorUtilities.CreateInstance<PostgresPoolHealthCheck>(services);
                }
                else
                {
                    registrations.Add(Registration<PostgresPoolHealthCheck>(PostgresCheck));
                }
            }
            if (registered.IsService(typeof(EventOutbox)))
            {
                registrations.Add(Registration<OutboxHealthCheck>(OutboxHealthCheck.Name));
            }
            if (registered.IsService(typeof(IBus)))
            {
                registrations.Add(Registration<QueuesHealthCheck>(QueuesHealthCheck.Name));
            }
            if (registered.IsService(typeof(NpgsqlDataSource)) || registered.IsService(typeof(IBus)))
            {
                registrations.Add(Registration<SamplingHealthCheck>(SamplingHealthCheck.Name));
            }
            foreach (var registration in registrations)
            {
                var check = registration.Factory;
                registration.Factory = services => new BoundedHealthCheck(check(services), options.Value.CheckTimeout);
            }
        }

        private static HealthCheckRegistration Registration<TCheck>(string name) where TCheck : class, IHealthCheck =>
            new(name, services => ActivatorUtilities.CreateInstance<TCheck>(services), failureStatus: null, tags: [HealthEndpoints.ReadyTag]);
    }
}
