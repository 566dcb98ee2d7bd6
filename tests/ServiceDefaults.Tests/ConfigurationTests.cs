using Microsoft.Extensions.Configuration;

namespace Mash.ServiceDefaults.Tests;

/// <summary>Reading what the AppHost injects.</summary>
public sealed class ConfigurationTests
{
    private static IConfiguration FromEnvironmentStyle(Dictionary<string, string?> values) =>
        // Environment variables' "__" arrive in configuration as ":"; these are already in that form.
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public void A_missing_connection_string_names_the_variable_to_set()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => FromEnvironmentStyle([]).GetRequiredConnectionString("postgres"));

        Assert.Contains("ConnectionStrings__postgres", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_variables_with_double_underscores_reach_the_helpers()
    {
        var name = $"SDTESTS_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable($"{name}ConnectionStrings__quality", "Host=127.0.0.1;Port=6001");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix: name).Build();

            Assert.Equal("Host=127.0.0.1;Port=6001", configuration.GetRequiredConnectionString("quality"));
        }
        finally
        {
            Environment.SetEnvironmentVariable($"{name}ConnectionStrings__quality", null);
        }
    }

    [Theory]
    [InlineData("amqp://guest:guest@127.0.0.1:5681", "127.0.0.1", 5681, "/", "guest", "guest")]
    [InlineData("amqp://mash:p%40ss%3Aword@rabbit:5672/mash", "rabbit", 5672, "mash", "mash", "p@ss:word")]
    [InlineData("amqp://u:p@host", "host", 5672, "/", "u", "p")]
    [InlineData("amqp://u:p@host:1234/%2F", "host", 1234, "/", "u", "p")]
    public void A_rabbitmq_connection_string_is_parsed_as_aspire_writes_it(string connectionString, string host, int port, string virtualHost, string user, string password)
    {
        var address = RabbitMqAddress.Parse(connectionString);

        Assert.Equal(new RabbitMqAddress(host, (ushort)port, virtualHost, user, password), address);
    }

    [Fact]
    public void A_malformed_rabbitmq_connection_string_fails_without_echoing_the_password()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => RabbitMqAddress.Parse("host=rabbit;password=s3cret"));

        Assert.DoesNotContain("s3cret", ex.Message, StringComparison.Ordinal);
    }
}
