using Npgsql;

namespace Mash.Quality.Assurance;

/// <summary>The watch list the "watch next quarter" rules keep, newest first.</summary>
internal sealed class WatchListReader(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<IndicatorWatch>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT indicator, period_label, rule, description, raised_at FROM assurance_watches ORDER BY period_from DESC, indicator");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var watches = new List<IndicatorWatch>();
        while (await reader.ReadAsync(cancellationToken))
        {
            watches.Add(new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4)));
        }
        return watches;
    }
}
