using AppHost.Tests.Support;

namespace AppHost.Tests.Model;

/// <summary>The environment contract every project gets, by the names Aspire uses.</summary>
public sealed class EnvironmentTests : IDisposable
{
    private readonly TestStack _stack = new("env");

    [Fact]
    public void Every_project_gets_the_environment_its_endpoints_and_telemetry()
    {
        var builder = _stack.CreateBuilder();
        var intake = builder.AddProject<Projects.FakeService>("intake");
        var app = builder.Build();

        var env = app.GetEnvironment(intake.Resource);
        var grpc = intake.Resource.GetEndpoint("grpc").AllocatedPort;
        var http = intake.Resource.GetEndpoint("http").AllocatedPort;

        Assert.Equal("Development", env["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("Development", env["DOTNET_ENVIRONMENT"]);
        Assert.Equal($"http://127.0.0.1:{grpc}", env["Kestrel__Endpoints__grpc__Url"]);
        Assert.Equal("Http2", env["Kestrel__Endpoints__grpc__Protocols"]);
        Assert.Equal($"http://127.0.0.1:{http}", env["Kestrel__Endpoints__http__Url"]);
        Assert.Equal("Http1", env["Kestrel__Endpoints__http__Protocols"]);
        Assert.Matches(@"^http://127\.0\.0\.1:\d+$", env["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("http/protobuf", env["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.Equal("intake", env["OTEL_SERVICE_NAME"]);
        Assert.Matches("^service.instance.id=intake-[0-9a-f]{8}$", env["OTEL_RESOURCE_ATTRIBUTES"]);
    }

    [Fact]
    public void A_database_reference_names_the_server_and_the_database()
    {
        var builder = _stack.CreateBuilder();
        var postgres = builder.AddPostgres("postgres");
        var project = builder.AddProject<Projects.FakeService>("intake").WithReference(postgres.AddDatabase("intakedb"));
        var app = builder.Build();

        var port = postgres.Resource.GetEndpoint("tcp").AllocatedPort;
        Assert.Equal($"Host=127.0.0.1;Port={port};Username=postgres;Database=intakedb", app.GetEnvironment(project.Resource)["ConnectionStrings__postgres"]);
    }

    [Fact]
    public void A_server_reference_has_no_database()
    {
        var builder = _stack.CreateBuilder();
        var postgres = builder.AddPostgres("pg");
        var project = builder.AddProject<Projects.FakeService>("intake").WithReference(postgres);
        var app = builder.Build();

        Assert.Equal($"Host=127.0.0.1;Port={postgres.Resource.GetEndpoint("tcp").AllocatedPort};Username=postgres", app.GetEnvironment(project.Resource)["ConnectionStrings__pg"]);
    }

    [Fact]
    public void Redis_and_RabbitMQ_references_are_connection_strings()
    {
        var builder = _stack.CreateBuilder();
        var redis = builder.AddRedis("redis");
        var rabbitmq = builder.AddRabbitMQ("rabbitmq");
        var project = builder.AddProject<Projects.FakeService>("intake").WithReference(redis).WithReference(rabbitmq);
        var app = builder.Build();

        var env = app.GetEnvironment(project.Resource);
        Assert.Equal($"127.0.0.1:{redis.Resource.GetEndpoint("tcp").AllocatedPort}", env["ConnectionStrings__redis"]);
        Assert.Equal($"amqp://guest:guest@127.0.0.1:{rabbitmq.Resource.GetEndpoint("tcp").AllocatedPort}", env["ConnectionStrings__rabbitmq"]);
    }

    [Fact]
    public void A_project_reference_is_service_discovery_for_both_endpoints()
    {
        var builder = _stack.CreateBuilder();
        var intake = builder.AddProject<Projects.FakeService>("intake");
        var triage = builder.AddProject<Projects.FakeService>("triage").WithReference(intake);
        var app = builder.Build();

        var env = app.GetEnvironment(triage.Resource);
        Assert.Equal($"http://127.0.0.1:{intake.Resource.GetEndpoint("grpc").AllocatedPort}", env["services__intake__grpc__0"]);
        Assert.Equal($"http://127.0.0.1:{intake.Resource.GetEndpoint("http").AllocatedPort}", env["services__intake__http__0"]);
        Assert.DoesNotContain(app.GetEnvironment(intake.Resource).Keys, k => k.StartsWith("services__", StringComparison.Ordinal));
    }

    [Fact]
    public void WithEnvironment_adds_a_variable()
    {
        var builder = _stack.CreateBuilder();
        var project = builder.AddProject<Projects.FakeService>("intake").WithEnvironment("FAKE_UNHEALTHY", "1");

        Assert.Equal("1", builder.Build().GetEnvironment(project.Resource)["FAKE_UNHEALTHY"]);
    }

    public void Dispose() => _stack.Dispose();
}
