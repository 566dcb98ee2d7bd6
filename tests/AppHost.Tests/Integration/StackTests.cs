using System.Net.Sockets;
using AppHost.Tests.Support;
using Mash.Hosting.Orchestration;
using Mash.Hosting.Processes;
using static Mash.Hosting.ApplicationModel.KnownResourceStates;

namespace AppHost.Tests.Integration;

[Collection("stack")]
public sealed class StackTests(StackFixture fixture)
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(90);
    private readonly DistributedApplication _app = fixture.App;
    private string FakeUrl => fixture.Fake.GetEndpoint("http").Url;

    [Fact]
    public async Task The_service_gets_connection_strings_it_can_read_as_configuration()
    {
        var env = await Http.GetEnvAsync(FakeUrl);
        int Port(string name) => _app.Model[name].GetEndpoint("tcp").AllocatedPort;

        Assert.Equal($"Host=127.0.0.1;Port={Port("postgres")};Username=postgres;Database=fakedb", env["ConnectionStrings__postgres"]);
        Assert.Equal($"127.0.0.1:{Port("redis")}", env["ConnectionStrings__redis"]);
        Assert.Equal($"amqp://guest:guest@127.0.0.1:{Port("rabbitmq")}", env["ConnectionStrings__rabbitmq"]);
        Assert.Equal(env["ConnectionStrings__postgres"], await Http.Client.GetStringAsync($"{FakeUrl}/config/ConnectionStrings/postgres"));
        Assert.Equal("Development", await Http.Client.GetStringAsync($"{FakeUrl}/config/ASPNETCORE_ENVIRONMENT"));
        Assert.Equal(_app.OtlpEndpoint!.ToString().TrimEnd('/'), env["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("fake", env["OTEL_SERVICE_NAME"]);
    }

    [Fact]
    public async Task The_database_was_created_and_every_server_answers()
    {
        var port = _app.Model["postgres"].GetEndpoint("tcp").AllocatedPort;
        var psql = new ProcessSpec(Path.Combine(InfrastructureBinaries.PostgresBin!, "psql"),
            ["-h", "127.0.0.1", "-p", $"{port}", "-U", "postgres", "-d", "fakedb", "-Atc", "SELECT current_database()"]);
        var result = await Command.RunAsync(psql, TimeSpan.FromSeconds(30));
        Assert.Equal("fakedb", result.Output.Trim());

        Assert.Equal("+PONG", await RespClient.SendAsync(_app.Model["redis"].GetEndpoint("tcp").AllocatedPort, ["PING"], CancellationToken.None));

        // AMQP 0-9-1: the client's protocol header is answered with a method frame (type 1), Connection.Start.
        using var amqp = new TcpClient();
        await amqp.ConnectAsync("127.0.0.1", _app.Model["rabbitmq"].GetEndpoint("tcp").AllocatedPort);
        await amqp.GetStream().WriteAsync("AMQP\0\0\u0009\u0001"u8.ToArray());
        var frame = new byte[1];
        await amqp.GetStream().ReadExactlyAsync(frame);
        Assert.Equal(1, frame[0]);
    }

    [Fact]
    public async Task Api_resources_shows_every_resource_running_and_healthy()
    {
        var resources = await Http.GetResourcesAsync(_app.DashboardUrl!);

        Assert.Equal(["postgres", "redis", "rabbitmq", "fake", "fakedb"], resources.Select(r => r.GetProperty("name").GetString()));
        Assert.All(resources, r => Assert.Equal(Running, r.GetProperty("state").GetString()));
        Assert.All(resources, r => Assert.Equal("Healthy", r.GetProperty("health").GetString()));
        var fake = resources.Resource("fake");
        Assert.Equal("Project", fake.GetProperty("type").GetString());
        Assert.True(fake.GetProperty("pid").GetInt32() > 0);
        Assert.Equal(FakeUrl, fake.GetProperty("endpoints").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "http").GetProperty("url").GetString());
        Assert.Contains(resources.Resource("postgres").GetProperty("logs").EnumerateArray(), l => l.GetString()!.Contains("ready to accept connections", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_ops_page_lists_resources_and_their_output()
    {
        var html = await Http.Client.GetStringAsync(_app.DashboardUrl);

        Assert.Contains("<meta http-equiv=\"refresh\"", html);
        foreach (var name in new[] { "postgres", "redis", "rabbitmq", "fake", "fakedb" })
        {
            Assert.Contains($"<a href=\"#{name}\">{name}</a>", html);
        }

        Assert.Contains("fake service", html); // the fake's own console line
    }

    [Fact]
    public async Task Telemetry_the_service_sends_where_it_was_told_is_counted_for_it()
    {
        using var response = await Http.Client.PostAsync($"{FakeUrl}/emit-telemetry", null);
        Assert.Equal(200, (int)response.StatusCode);

        var fake = (await Http.GetResourcesAsync(_app.DashboardUrl!)).Resource("fake");
        Assert.True(fake.GetProperty("telemetry").GetProperty("logs").GetProperty("requests").GetInt64() >= 1);
    }

    [Fact]
    public async Task A_crashed_project_is_restarted_and_counted()
    {
        fixture.RememberProcesses();
        var before = _app.ResourceNotifications.Get("fake");

        using var response = await Http.Client.PostAsync($"{FakeUrl}/crash", null);
        var exited = await _app.ResourceNotifications.WaitForResourceAsync("fake", Exited).WaitAsync(HangGuard);
        var after = await _app.ResourceNotifications.WaitForResourceAsync("fake", s => s.RestartCount == before.RestartCount + 1 && s.IsUp).WaitAsync(HangGuard);
        fixture.RememberProcesses();

        Assert.Equal(42, exited.ExitCode);
        Assert.NotEqual(before.ProcessId, after.ProcessId);
        Assert.Equal(1, after.RestartCount);
        Assert.Equal(1, (await Http.GetResourcesAsync(_app.DashboardUrl!)).Resource("fake").GetProperty("restartCount").GetInt32());
        Assert.Equal("Healthy", await Http.Client.GetStringAsync($"{FakeUrl}/health"));
    }
}
