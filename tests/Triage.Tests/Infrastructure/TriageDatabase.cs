using Google.Protobuf;
using Mash.ServiceDefaults;
using Mash.Testing.Servers;
using Npgsql;

namespace Mash.Triage.Tests.Infrastructure;

/// <summary>A throwaway PostgreSQL with Triage's schema, shared by the tests that need a database.</summary>
public sealed class TriageDatabase : IAsyncLifetime
{
    private string root = "";
    private PostgresServer? server;
    private NpgsqlDataSource? dataSource;

    public NpgsqlDataSource DataSource => dataSource ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        root = Directory.CreateTempSubdirectory("mash-triage-tests-").FullName;
        server = await PostgresServer.StartAsync(root);
        dataSource = NpgsqlDataSource.Create(server.ConnectionString(await server.CreateDatabaseAsync("triage")));
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

    /// <summary>Returns once a session of this database is waiting for a row lock (a test's way to know a call has reached it).</summary>
    public async Task WaitUntilSomeoneWaitsForALockAsync()
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            if (await CountAsync("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") > 0)
            {
                return;
            }
            await Task.Delay(10);
        }
        throw new TimeoutException("No session ever waited for a lock.");
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
public sealed class TriageDatabaseCollection : ICollectionFixture<TriageDatabase>
{
    public const string Name = "triage database";
}
