using Mash.Quality.Definitions;
using Mash.Quality.Registers;
using Mash.Quality.Registers.Grpc;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Mash.Testing.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Grpc.Core;
using Mash.Contracts.Quality.V1;

namespace Mash.Quality.Tests.Registers;

/// <summary>RegistersService on a real gRPC port over a fresh Quality database, on 12 May 2025 (2025/26 Q1).</summary>
public sealed class RegistersHost(NpgsqlDataSource dataSource, GrpcTestHost host) : IAsyncDisposable
{
    public static readonly DateTimeOffset Today = new(2025, 5, 12, 10, 0, 0, TimeSpan.Zero);

    public NpgsqlDataSource DataSource => dataSource;

    public RegistersService.RegistersServiceClient Client { get; } = new(host.Channel);

    public static Metadata QualityLead { get; } = TestTokens.Bearer(TestTokens.For("lead-1", MashRoles.QualityLead));

    public static Metadata Manager { get; } = TestTokens.Bearer(TestTokens.For("manager-1", MashRoles.Manager));

    public static Metadata BoardMember { get; } = TestTokens.Bearer(TestTokens.For("board-1", MashRoles.BoardMember));

    public static async Task<RegistersHost> StartAsync(NpgsqlDataSource dataSource) => new(dataSource, await GrpcTestHost.StartAsync(
        builder =>
        {
            builder.Services.AddSingleton(dataSource);
            builder.Services.AddSingleton<TimeProvider>(new FixedTime(Today));
            builder.Services.AddSingleton(IndicatorCatalogue.Load(new QualityOptions().IndicatorFile));
            builder.Services.AddSingleton(services => new AuditLog(dataSource, services.GetRequiredService<TimeProvider>()));
            builder.AddQualityRegisters();
        },
        app => app.MapGrpcService<RegistersGrpcService>()));

    /// <summary>How many rows a register's table holds.</summary>
    public async Task<long> CountAsync(string table)
    {
        await using var command = dataSource.CreateCommand($"SELECT count(*) FROM {table}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
