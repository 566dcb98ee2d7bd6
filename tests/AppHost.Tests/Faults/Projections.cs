using Grpc.Core;
using Grpc.Net.Client;
using Mash.AppHost.Tests.Support;
using Mash.Contracts.Quality.V1;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Npgsql;

namespace Mash.AppHost.Tests.Faults;

/// <summary>A downstream projection of ContactReceived: the contact ids it holds, one row each, read from its service's database.</summary>
internal sealed record Projection(string Name, string Database, string ContactIdsSql);

/// <summary>What each downstream service has made of the contacts Intake announced.</summary>
internal sealed class Projections(RunningPlatform platform) : IDisposable
{
    public static readonly Projection[] All =
    [
        new("Triage's queue", "triagedb", "SELECT contact_id FROM queue_items"),
        new("Timeliness's clocks", "timelinessdb", "SELECT contact_id FROM clocks WHERE started_at IS NOT NULL"),
        new("Outcomes' journeys", "outcomesdb", "SELECT contact_id FROM journeys WHERE received"),
        new("Quality's contact facts", "qualitydb", "SELECT contact_id FROM contacts"),
    ];

    private readonly GrpcChannel quality = GrpcChannel.ForAddress(platform.App.GetEndpoint("quality", "grpc"));

    /// <summary>A board member's credentials for the scorecard, signed afresh for each call (a soak outlives a token).</summary>
    private static Metadata BoardMember => TestTokens.Bearer(TestTokens.For("fault-test-board", MashRoles.BoardMember));

    /// <summary>Every contact id the projection holds, as often as it holds it.</summary>
    public async Task<IReadOnlyList<string>> ContactIdsAsync(Projection projection, CancellationToken cancellationToken)
    {
        var connectionString = await platform.App.GetConnectionStringAsync(projection.Database, cancellationToken);
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(projection.ContactIdsSql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    /// <summary>D1 on Quality's scorecard: the contacts it counts from the agency, all time.</summary>
    public async Task<long> QualityContactsCountedAsync(CancellationToken cancellationToken)
    {
        var client = new QualityService.QualityServiceClient(quality);
        var scorecard = await Retrying.CallAsync((deadline, ct) => client.GetScorecardAsync(new GetScorecardRequest(), BoardMember, deadline, ct).ResponseAsync, cancellationToken);
        return scorecard.ContactsByAgency.GetValueOrDefault(FaultContacts.Agency);
    }

    public void Dispose() => quality.Dispose();
}
