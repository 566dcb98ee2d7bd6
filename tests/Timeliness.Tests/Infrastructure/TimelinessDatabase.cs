using Google.Protobuf;
using Mash.ServiceDefaults;
using Mash.Testing.Servers;
using Npgsql;

namespace Mash.Timeliness.Tests.Infrastructure;

/// <summary>A throwaway PostgreSQL with Timeliness's schema, shared by the tests that need a database.</summary>
public sealed class TimelinessDatabase : IAsyncLifetime
{
    private string root = "";
    private PostgresServer? server;
    private NpgsqlDataSource? dataSource;

    public NpgsqlDataSource DataSource => dataSource ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        root = Directory.CreateTempSubdirectory("mash-timeliness-tests-").FullName;
        server = await PostgresServer.StartAsync(root);
        dataSource = NpgsqlDataSource.Create(server.ConnectionString(await server.CreateDatabaseAsync("timeliness")));
        // The service's own migrations, as the migration runner would apply them.
        foreach (var migration in Migration.FromEmbeddedResources(typeof(Extensions).Assembly).Append(EventOutbox.Migration).Append(EventInbox.Migration))
        {
            await using var command = DataSource.CreateCommand(migration.Sql);
            await command.ExecuteNonQueryAsync();
        }
    }

    public async Task<long> CountAsync(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new() { Value = parameter });
        }
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The events of type <typeparamref name="T"/> in the outbox about <paramref name="contactId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<T>> OutboxAsync<T>(string contactId, Func<T, string> contactOf) where T : IMessage<T>, new()
    {
        await using var command = DataSource.CreateCommand("SELECT body FROM outbox_messages WHERE message_type LIKE $1 ORDER BY id");
        command.Parameters.Add(new() { Value = $"{typeof(T).FullName},%" });
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<T>();
        var parser = new MessageParser<T>(() => new T());
        while (await reader.ReadAsync())
        {
            events.Add(parser.ParseFrom((byte[])reader[0]));
        }
        return [.. events.Where(e => contactOf(e) == contactId)];
    }

    public async Task DisposeAsync()
    {
        if (dataSource is not null)
        {
            await dataSource.DisposeAsync();
        }
        if (server is not null)
        {
            await server.DisposeAsync();
        }
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // PostgreSQL writing its last log line; the temp directory goes eventually.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TimelinessDatabaseCollection : ICollectionFixture<TimelinessDatabase>
{
    public const string Name = "timeliness database";
}
