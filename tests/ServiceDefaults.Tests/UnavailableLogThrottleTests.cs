using Grpc.Core;
using Mash.Testing;
using Mash.Testing.Grpc;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Mash.ServiceDefaults.Tests;

/// <summary>
/// An outage under load is one warning and then a summary per interval, not a line per call; the
/// callers are answered UNAVAILABLE all the same.
/// </summary>
public sealed class UnavailableLogThrottleTests
{
    private readonly FixedTime time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly Lines lines = new();
    private readonly DatabaseUnavailableInterceptor interceptor;

    public UnavailableLogThrottleTests() => interceptor = new(lines, new UnavailableLogThrottle(time));

    [Fact]
    public async Task Five_hundred_failures_within_an_interval_log_one_line()
    {
        for (var i = 0; i < 500; i++)
        {
            var failure = await Assert.ThrowsAsync<RpcException>(FailAsync);
            Assert.Equal((StatusCode.Unavailable, DatabaseUnavailableInterceptor.Detail), (failure.StatusCode, failure.Status.Detail));
            time.Now += TimeSpan.FromMilliseconds(10);   // 5 s in all
        }

        var line = Assert.Single(lines.Written);
        Assert.Contains("/test.Service/Method failed because the database is unavailable", line);
    }

    [Fact]
    public async Task A_failure_after_the_interval_logs_the_count_since_the_last_line()
    {
        for (var i = 0; i < 500; i++)
        {
            await Assert.ThrowsAsync<RpcException>(FailAsync);
        }
        time.Now += UnavailableLogThrottle.Interval;

        await Assert.ThrowsAsync<RpcException>(FailAsync);
        await Assert.ThrowsAsync<RpcException>(FailAsync);

        Assert.Equal(2, lines.Written.Count);
        // The 499 held back after the first line, and the one that wrote this.
        Assert.StartsWith("500 more calls answered UNAVAILABLE because the database is unavailable in the last 10 s", lines.Written[1]);
        Assert.Contains("failed on purpose", lines.Written[1]);
    }

    [Fact]
    public async Task The_first_failure_after_a_quiet_interval_gets_a_line_of_its_own()
    {
        await Assert.ThrowsAsync<RpcException>(FailAsync);
        time.Now += TimeSpan.FromMinutes(5);

        await Assert.ThrowsAsync<RpcException>(FailAsync);

        Assert.Equal(2, lines.Written.Count);
        Assert.All(lines.Written, line => Assert.Contains("failed because the database is unavailable", line));
    }

    private Task FailAsync() => interceptor.UnaryServerHandler<string, string>(
        "request", new TestCallContext(method: "/test.Service/Method"),
        (_, _) => throw new PostgresException("failed on purpose", "FATAL", "FATAL", "57P01"));

    private sealed class Lines : ILogger<DatabaseUnavailableInterceptor>
    {
        public List<string> Written { get; } = [];

        public bool IsEnabled(LogLevel logLevel) => true;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Written.Add(formatter(state, exception));
    }
}
