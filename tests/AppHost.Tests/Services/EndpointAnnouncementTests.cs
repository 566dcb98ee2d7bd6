using Mash.AppHost.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Mash.AppHost.Tests.Services;

/// <summary>
/// The AppHost's console names where each service and the board's page answer once their ports are
/// given: on a second stack every port is random and the console is all a newcomer without a browser has.
/// </summary>
public sealed class EndpointAnnouncementTests
{
    [Fact]
    public async Task The_console_names_the_board_page_and_each_service_once_their_ports_are_given()
    {
        using var model = await PlatformModel.CreateAsync("announcement");
        var console = new ConsoleLines();
        using var services = new ServiceCollection().AddLogging(logging => logging.AddProvider(console)).BuildServiceProvider();

        var board = Allocated(model.Project("board"), ("http", 46190));
        var intake = Allocated(model.Project("intake"), ("grpc", 46101), ("http", 46181));
        await model.Builder.Eventing.PublishAsync(new ResourceEndpointsAllocatedEvent(board, services));
        await model.Builder.Eventing.PublishAsync(new ResourceEndpointsAllocatedEvent(intake, services));

        Assert.Contains("board: page http://localhost:46190", console.Lines);
        Assert.Contains("intake: gRPC http://localhost:46101, /health http://localhost:46181/health", console.Lines);
    }

    // What the orchestrator does when it gives the resource its ports.
    private static ProjectResource Allocated(ProjectResource resource, params (string Endpoint, int Port)[] ports)
    {
        foreach (var (endpoint, port) in ports)
        {
            var annotation = resource.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == endpoint);
            annotation.AllocatedEndpoint = new AllocatedEndpoint(annotation, "localhost", port);
        }
        return resource;
    }

    private sealed class ConsoleLines : ILoggerProvider, ILogger
    {
        private readonly List<string> lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (lines)
                {
                    return [.. lines];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (lines)
            {
                lines.Add(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
