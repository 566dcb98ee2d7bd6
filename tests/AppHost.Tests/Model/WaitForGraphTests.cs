namespace AppHost.Tests.Model;

public sealed class WaitForGraphTests
{
    private static IDistributedApplicationBuilder Builder() =>
        DistributedApplication.CreateBuilder(new DistributedApplicationOptions { StateDirectory = Path.GetTempPath() });

    [Fact]
    public void Start_order_puts_every_resource_after_what_it_waits_for()
    {
        var builder = Builder();
        var quality = builder.AddProject<Projects.FakeService>("quality");
        var postgres = builder.AddPostgres("postgres");
        var db = postgres.AddDatabase("db");
        var rabbitmq = builder.AddRabbitMQ("rabbitmq");
        var intake = builder.AddProject<Projects.FakeService>("intake").WaitFor(postgres).WaitFor(rabbitmq);
        var triage = builder.AddProject<Projects.FakeService>("triage").WaitFor(intake).WaitFor(db);
        quality.WaitFor(triage);

        var order = builder.Build().Model.StartOrder.Select(r => r.Name).ToList();

        Assert.True(order.IndexOf("postgres") < order.IndexOf("db"));
        Assert.True(order.IndexOf("postgres") < order.IndexOf("intake"));
        Assert.True(order.IndexOf("rabbitmq") < order.IndexOf("intake"));
        Assert.True(order.IndexOf("intake") < order.IndexOf("triage"));
        Assert.True(order.IndexOf("db") < order.IndexOf("triage"));
        Assert.True(order.IndexOf("triage") < order.IndexOf("quality"));
        Assert.Equal(6, order.Count);
    }

    [Fact]
    public void A_cycle_is_refused_when_the_application_is_built()
    {
        var builder = Builder();
        var a = builder.AddProject<Projects.FakeService>("a");
        var b = builder.AddProject<Projects.FakeService>("b").WaitFor(a);
        a.WaitFor(b);

        var e = Assert.Throws<DistributedApplicationException>(builder.Build);
        Assert.Contains("a -> b -> a", e.Message);
    }

    [Fact]
    public void Waiting_for_a_resource_of_another_application_is_refused()
    {
        var other = Builder().AddRedis("redis");
        var builder = Builder();
        builder.AddProject<Projects.FakeService>("a").WaitFor(other);

        Assert.Throws<DistributedApplicationException>(builder.Build);
    }

    [Fact]
    public void Topological_order_is_stable_for_independent_nodes()
    {
        var order = DependencyGraph.TopologicalOrder(["x", "y", "z"], n => n == "x" ? ["z"] : []);

        Assert.Equal(["z", "x", "y"], order);
    }
}
