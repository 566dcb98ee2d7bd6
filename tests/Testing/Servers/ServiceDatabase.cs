using Google.Protobuf;
using Npgsql;

namespace Mash.Testing.Servers;

/// <summary>
/// A <see cref="ServicePostgres"/> with one database, made at start, that all the tests of a
/// collection share (each test keeps to rows of its own, by fresh ids).
/// </summary>
public class ServiceDatabase(string service, IEnumerable<string> migrations) : ServicePostgres(service, migrations)
{
    private NpgsqlDataSource? dataSource;

    public NpgsqlDataSource DataSource => dataSource ?? throw new InvalidOperationException("Not started.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        dataSource = await CreateDatabaseAsync();
    }

    /// <summary>Every event in the outbox, a packed row's each apart: its type and body (the table as <c>o</c>, the bodies as <c>b</c>, <c>b.n</c> a row's order).</summary>
    public const string OutboxEventsSql = "SELECT o.message_type, b.body FROM outbox_messages o CROSS JOIN LATERAL unnest(coalesce(o.bodies, ARRAY[o.body])) WITH ORDINALITY AS b(body, n)";

    /// <summary>The count a <c>SELECT count(*)</c> query returns; its parameters are $1, $2, … in order.</summary>
    public async Task<long> CountAsync(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new() { Value = parameter });
        }
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The events of type <typeparamref name="T"/> in the outbox about <paramref name="contactId"/>, oldest first (a packed row's in its order).</summary>
    public async Task<IReadOnlyList<T>> OutboxAsync<T>(string contactId, Func<T, string> contactOf) where T : IMessage<T>, new()
    {
        await using var command = DataSource.CreateCommand(OutboxEventsSql + " WHERE o.message_type LIKE $1 ORDER BY o.id, b.n");
        command.Parameters.Add(new() { Value = $"{typeof(T).FullName},%" });
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<T>();
        var parser = new MessageParser<T>(() => new T());
        while (await reader.ReadAsync())
        {
            events.Add(parser.ParseFrom((byte[])reader[1]));
        }
        return [.. events.Where(e => contactOf(e) == contactId)];
    }
}
