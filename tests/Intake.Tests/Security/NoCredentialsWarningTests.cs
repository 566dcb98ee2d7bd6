using Mash.Intake.Security;
using Mash.ServiceDefaults;
using Microsoft.Extensions.Logging;

namespace Mash.Intake.Tests.Security;

public sealed class NoCredentialsWarningTests
{
    private sealed class Warnings : ILogger<NoCredentialsWarning>
    {
        public List<string> Logged { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Logged.Add(formatter(state, exception));
            }
        }
    }

    [Fact]
    public async Task With_no_agency_configured_the_service_warns_at_start_that_every_call_will_be_refused()
    {
        var logger = new Warnings();

        await new NoCredentialsWarning(new AgencyCredentials([]), logger).StartAsync(CancellationToken.None);

        Assert.Contains("UNAUTHENTICATED", Assert.Single(logger.Logged), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_agency_configured_there_is_no_warning()
    {
        var logger = new Warnings();

        await new NoCredentialsWarning(new AgencyCredentials([("police-west", AgencyCredentials.HashOf("a-token"))]), logger).StartAsync(CancellationToken.None);

        Assert.Empty(logger.Logged);
    }
}
