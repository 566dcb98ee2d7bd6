using Mash.ServiceDefaults.Tests.Infrastructure;
using Mash.Testing.Grpc;
using Mash.Testing.Servers;
using Grpc.AspNetCore.Server;
using Grpc.Core;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mash.ServiceDefaults.Tests;

/// <summary>
/// Database outages end a call UNAVAILABLE in every call shape; anything else a handler throws
/// passes through untouched. The failures are real where a test can cause them (a refused
/// connection, a backend the server terminates) and built from their SQLSTATE where it cannot.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class DatabaseUnavailableInterceptorTests(InfrastructureFixture infrastructure)
{
    public enum Shape { Unary, ClientStreaming, ServerStreaming, DuplexStreaming }

    private readonly DatabaseUnavailableInterceptor interceptor = new(NullLogger<DatabaseUnavailableInterceptor>.Instance, new UnavailableLogThrottle(TimeProvider.System));

    /// <summary>Runs <paramref name="handler"/> through the interceptor as a call of <paramref name="shape"/>.</summary>
    private Task CallAsync(Shape shape, Func<Task> handler)
    {
        var context = new TestCallContext(method: "/test.Service/Method");
        var requests = new NoRequests();
        var responses = new NoResponses();
        return shape switch
        {
            Shape.Unary => interceptor.UnaryServerHandler<string, string>("request", context, async (_, _) => { await handler(); return "response"; }),
            Shape.ClientStreaming => interceptor.ClientStreamingServerHandler<string, string>(requests, context, async (_, _) => { await handler(); return "response"; }),
            Shape.ServerStreaming => interceptor.ServerStreamingServerHandler<string, string>("request", responses, context, (_, _, _) => handler()),
            _ => interceptor.DuplexStreamingServerHandler<string, string>(requests, responses, context, (_, _, _) => handler()),
        };
    }

    public static TheoryData<Shape> Shapes => [Shape.Unary, Shape.ClientStreaming, Shape.ServerStreaming, Shape.DuplexStreaming];

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task A_handler_that_cannot_reach_the_database_ends_UNAVAILABLE(Shape shape)
    {
        // Nothing listens on the port: the connection is refused, as when PostgreSQL is down.
        await using var unreachable = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={Processes.FreePort()};Username=postgres;Timeout=5");

        var failure = await Assert.ThrowsAsync<RpcException>(() => CallAsync(shape, async () =>
        {
            await using var connection = await unreachable.OpenConnectionAsync();
        }));

        Assert.Equal(StatusCode.Unavailable, failure.StatusCode);
        Assert.Equal(DatabaseUnavailableInterceptor.Detail, failure.Status.Detail);
        Assert.IsAssignableFrom<NpgsqlException>(failure.Status.DebugException);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task A_connection_the_server_terminates_mid_call_ends_UNAVAILABLE(Shape shape)
    {
        var database = infrastructure.Postgres.ConnectionString() + ";Pooling=false";
        await using var victim = new NpgsqlConnection(database);
        await victim.OpenAsync();
        await using (var admin = new NpgsqlConnection(database))
        {
            await admin.OpenAsync();
            // The timeout (PostgreSQL 14+) waits until the backend is gone, so the next command cannot slip in first.
            await using var terminate = new NpgsqlCommand($"SELECT pg_terminate_backend({victim.ProcessID}, 10000)", admin);
            await terminate.ExecuteScalarAsync();
        }

        var failure = await Assert.ThrowsAsync<RpcException>(() => CallAsync(shape, async () =>
        {
            await using var select = new NpgsqlCommand("SELECT 1", victim);
            await select.ExecuteScalarAsync();
        }));

        Assert.Equal(StatusCode.Unavailable, failure.StatusCode);
    }

    [Theory]
    [InlineData("08006")] // connection_failure
    [InlineData("08001")] // sqlclient_unable_to_establish_sqlconnection
    [InlineData("57P01")] // admin_shutdown
    [InlineData("57P02")] // crash_shutdown
    [InlineData("57P03")] // cannot_connect_now: starting up or shutting down
    [InlineData("53300")] // too_many_connections
    public async Task The_server_going_away_or_out_of_connections_ends_UNAVAILABLE(string sqlState)
    {
        var failure = await Assert.ThrowsAsync<RpcException>(() => CallAsync(Shape.Unary, () => throw Postgres(sqlState)));

        Assert.Equal(StatusCode.Unavailable, failure.StatusCode);
    }

    [Theory]
    [InlineData("23505")] // unique_violation: the request's own fault, or a bug
    [InlineData("42P01")] // undefined_table: a bug, retrying will not help
    [InlineData("22001")] // string_data_right_truncation
    public async Task Other_database_errors_pass_through_unchanged(string sqlState)
    {
        var thrown = Postgres(sqlState);

        var failure = await Assert.ThrowsAsync<PostgresException>(() => CallAsync(Shape.Unary, () => throw thrown));

        Assert.Same(thrown, failure);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task A_status_the_handler_chose_and_other_exceptions_pass_through_unchanged(Shape shape)
    {
        var refusal = new RpcException(new Status(StatusCode.InvalidArgument, "bad contact"));
        var bug = new InvalidOperationException("a bug");

        Assert.Same(refusal, await Assert.ThrowsAsync<RpcException>(() => CallAsync(shape, () => throw refusal)));
        Assert.Same(bug, await Assert.ThrowsAsync<InvalidOperationException>(() => CallAsync(shape, () => throw bug)));
    }

    [Fact]
    public async Task A_cancelled_call_stays_cancelled_even_when_npgsql_was_interrupted()
    {
        // Npgsql reports a cancelled command as an OperationCanceledException around its own exception.
        var cancelled = new OperationCanceledException("cancelled", new NpgsqlException("Exception while reading from stream", new TimeoutException()));

        var failure = await Assert.ThrowsAsync<OperationCanceledException>(() => CallAsync(Shape.Unary, () => throw cancelled));

        Assert.Same(cancelled, failure);
    }

    [Fact]
    public async Task An_outage_wrapped_by_the_write_path_is_still_UNAVAILABLE()
    {
        // A write path that commits several callers' work in one transaction may hand each caller
        // the shared failure inside one of its own.
        var refused = new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111));
        var wrapped = new InvalidOperationException("The batch did not commit.", refused);
        var aggregated = new AggregateException(refused, Postgres("57P01"));
        var mixed = new AggregateException(refused, new InvalidOperationException("a bug"));

        Assert.Equal(StatusCode.Unavailable, (await Assert.ThrowsAsync<RpcException>(() => CallAsync(Shape.Unary, () => throw wrapped))).StatusCode);
        Assert.Equal(StatusCode.Unavailable, (await Assert.ThrowsAsync<RpcException>(() => CallAsync(Shape.Unary, () => throw aggregated))).StatusCode);
        // A bug beside the outage is still a bug: it is not hidden behind "retry".
        Assert.Same(mixed, await Assert.ThrowsAsync<AggregateException>(() => CallAsync(Shape.Unary, () => throw mixed)));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task A_call_that_succeeds_is_untouched(Shape shape)
    {
        var ran = false;

        await CallAsync(shape, () => { ran = true; return Task.CompletedTask; });

        Assert.True(ran);
    }

    [Fact]
    public void Adding_the_data_source_registers_the_interceptor_once()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:postgres"] = infrastructure.Postgres.ConnectionString() });
        builder.AddServiceDatabase();
        builder.AddDatabaseMigrations(new Migration(1, "nothing", "SELECT 1"));
        using var host = builder.Build();

        var interceptors = host.Services.GetRequiredService<IOptions<GrpcServiceOptions>>().Value.Interceptors;

        Assert.Single(interceptors, registration => registration.Type == typeof(DatabaseUnavailableInterceptor));
        Assert.NotNull(ActivatorUtilities.GetServiceOrCreateInstance(host.Services, typeof(DatabaseUnavailableInterceptor)));
        // One throttle for the whole service, however many interceptors grpc-dotnet creates.
        Assert.Equal(ServiceLifetime.Singleton, Assert.Single(builder.Services, d => d.ServiceType == typeof(UnavailableLogThrottle)).Lifetime);
    }

    private static PostgresException Postgres(string sqlState) => new("failed on purpose", "FATAL", "FATAL", sqlState);

    private sealed class NoRequests : IAsyncStreamReader<string>
    {
        public string Current => throw new InvalidOperationException("No requests.");

        public Task<bool> MoveNext(CancellationToken cancellationToken) => Task.FromResult(false);
    }

    private sealed class NoResponses : IServerStreamWriter<string>
    {
        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(string message) => Task.CompletedTask;

        public Task WriteAsync(string message, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
