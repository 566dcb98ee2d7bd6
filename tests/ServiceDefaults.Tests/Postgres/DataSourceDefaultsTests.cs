using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Mash.ServiceDefaults.Tests.Postgres;

/// <summary>What AddServiceDatabase sets on the connection string (building a data source opens no connection).</summary>
public sealed class DataSourceDefaultsTests
{
    private const string Database = "Host=127.0.0.1;Port=5432;Database=widgets;Username=postgres";

    [Fact]
    public void Statements_are_prepared_automatically_by_default()
    {
        Assert.Equal(PostgresExtensions.DefaultMaxAutoPrepare, SettingsOf(Database).MaxAutoPrepare);
    }

    [Theory]
    [InlineData("Max Auto Prepare=0", 0)]
    [InlineData("Max Auto Prepare=7", 7)]
    [InlineData("maxautoprepare=3", 3)]
    public void A_connection_string_keeps_its_own_choice(string setting, int expected)
    {
        Assert.Equal(expected, SettingsOf($"{Database};{setting}").MaxAutoPrepare);
    }

    [Fact]
    public void Connections_go_back_to_the_pool_without_a_reset_unless_the_connection_string_asks_for_one()
    {
        Assert.True(SettingsOf(Database).NoResetOnClose);
        Assert.False(SettingsOf($"{Database};No Reset On Close=false").NoResetOnClose);
    }

    [Fact]
    public void Connections_are_named_after_the_service()
    {
        Assert.Equal("widget-service", SettingsOf(Database).ApplicationName);
    }

    private static NpgsqlConnectionStringBuilder SettingsOf(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "widget-service", EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:postgres"] = connectionString });
        builder.AddServiceDatabase();
        using var host = builder.Build();
        return new NpgsqlConnectionStringBuilder(host.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString);
    }
}
