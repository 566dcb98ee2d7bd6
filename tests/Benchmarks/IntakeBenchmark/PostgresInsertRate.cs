using System.Diagnostics;
using Google.Protobuf;
using GrpcBenchmark;
using Mash.Intake.Contacts;
using Mash.Testing.Servers;
using Mash.Contracts.Intake.V1;
using Npgsql;
using NpgsqlTypes;

namespace IntakeBenchmark;

/// <summary>What one insert measurement gave.</summary>
internal sealed record InsertMeasurement(string Name, long Rows, double Seconds, double P50Ms, double P99Ms)
{
    public double RowsPerSecond => Seconds > 0 ? Rows / Seconds : 0;
}

/// <summary>
/// What PostgreSQL itself takes: contact rows, shaped and sized as Intake stores them, inserted a
/// batch per statement (each batch its own transaction) into a scratch database on the same server,
/// made with Intake's own migrations, so the table has the same columns and indexes (primary key,
/// unique agency and request id, the listing index). Intake's database
/// is untouched, and the scratch database is dropped when this is disposed, so no vacuum of its
/// millions of rows runs under the parts measured after it. Writers run side by side, one
/// connection each.
/// </summary>
internal sealed class PostgresInsertRate : IAsyncDisposable
{
    private const string Columns = "id, request_id, agency_id, received_at, status, body";

    // Multi-row INSERT from arrays, one array per column, idempotent on the request id as Intake's
    // insert is. (Intake also writes each contact's subjects and its outbox event: this line is the
    // contacts table alone, what the database takes at best.)
    private const string UnnestInsert = $"""
        INSERT INTO contacts ({Columns})
        SELECT id, request_id, agency_id, received_at, status, body
        FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::bytea[])
            AS batch(id, request_id, agency_id, received_at, status, body)
        ON CONFLICT ON CONSTRAINT contacts_request_key DO NOTHING
        """;

    private const string CopyInsert = $"COPY contacts ({Columns}) FROM STDIN (FORMAT BINARY)";

    private static readonly string Received = ContactStatusCodes.ToCode(ContactStatus.Received);

    private readonly PostgresServer postgres;
    private readonly string database;
    private readonly NpgsqlDataSource dataSource;
    private readonly byte[][] bodies;
    private readonly int batch;

    private PostgresInsertRate(PostgresServer postgres, string database, NpgsqlDataSource dataSource, byte[][] bodies, int batch)
    {
        this.postgres = postgres;
        this.database = database;
        this.dataSource = dataSource;
        this.bodies = bodies;
        this.batch = batch;
    }

    /// <summary>The serialized contact's size, as the body column holds it.</summary>
    public int BodyBytes => bodies[0].Length;

    public static async Task<PostgresInsertRate> CreateAsync(PostgresServer postgres, int batch)
    {
        var database = await postgres.CreateDatabaseAsync("scratch");
        var dataSource = NpgsqlDataSource.Create(postgres.ConnectionString(database));
        foreach (var migration in Mash.Intake.Extensions.Migrations.OrderBy(m => m.Version))
        {
            await using var command = dataSource.CreateCommand(migration.Sql);
            await command.ExecuteNonQueryAsync();
        }
        // Bodies from real contacts (different subjects), reused row after row: their bytes are not what costs.
        var contacts = new ContactSource(0);
        var bodies = Enumerable.Range(0, 1_000).Select(_ => contacts.Next().Contact.ToByteArray()).ToArray();
        return new PostgresInsertRate(postgres, database, dataSource, bodies, batch);
    }

    public Task<InsertMeasurement> MeasureUnnestAsync(int writers, TimeSpan warmup, TimeSpan duration) =>
        MeasureAsync($"PostgreSQL INSERT ... SELECT FROM unnest, {batch:N0} rows a statement", writers, warmup, duration, InsertUnnestAsync);

    public Task<InsertMeasurement> MeasureCopyAsync(int writers, TimeSpan warmup, TimeSpan duration) =>
        MeasureAsync($"PostgreSQL COPY BINARY, {batch:N0} rows a COPY", writers, warmup, duration, InsertCopyAsync);

    /// <summary>
    /// Each writer inserts batches back to back; a batch counts when it started and ended inside the
    /// measured window, and the rate is those rows over the window's length.
    /// </summary>
    private async Task<InsertMeasurement> MeasureAsync(string name, int writers, TimeSpan warmup, TimeSpan duration, Func<NpgsqlConnection, int, Task> insert)
    {
        var begin = Stopwatch.GetTimestamp();
        var measureStart = begin + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measureEnd = measureStart + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var histograms = new Histogram[writers];
        var tasks = new Task[writers];
        for (var w = 0; w < writers; w++)
        {
            var histogram = histograms[w] = new Histogram();
            tasks[w] = Task.Run(async () =>
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                var sequence = 0;
                while (true)
                {
                    var batchStart = Stopwatch.GetTimestamp();
                    if (batchStart >= measureEnd)
                    {
                        return;
                    }
                    await insert(connection, sequence++);
                    var batchEnd = Stopwatch.GetTimestamp();
                    if (batchStart >= measureStart && batchEnd < measureEnd)
                    {
                        histogram.Record(batchEnd - batchStart);
                    }
                }
            });
        }
        await Task.WhenAll(tasks);
        var total = new Histogram();
        foreach (var histogram in histograms)
        {
            total.Add(histogram);
        }
        // The histogram holds one entry a batch: its p50 and p99 are the time a batch took.
        return new InsertMeasurement(name, total.Count * batch, duration.TotalSeconds, Ms(total.Percentile(0.50)), Ms(total.Percentile(0.99)));

        static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
    }

    private async Task InsertUnnestAsync(NpgsqlConnection connection, int sequence)
    {
        var rows = Rows(sequence);
        await using var command = new NpgsqlCommand(UnnestInsert, connection);
        command.Parameters.Add(new() { Value = rows.Ids });
        command.Parameters.Add(new() { Value = rows.RequestIds });
        command.Parameters.Add(new() { Value = Enumerable.Repeat(ContactSource.AgencyId, batch).ToArray() });
        command.Parameters.Add(new() { Value = rows.ReceivedAt });
        command.Parameters.Add(new() { Value = Enumerable.Repeat(Received, batch).ToArray() });
        command.Parameters.Add(new() { Value = rows.Bodies });
        await command.ExecuteNonQueryAsync();
    }

    private async Task InsertCopyAsync(NpgsqlConnection connection, int sequence)
    {
        var rows = Rows(sequence);
        await using var importer = await connection.BeginBinaryImportAsync(CopyInsert);
        for (var i = 0; i < batch; i++)
        {
            await importer.StartRowAsync();
            await importer.WriteAsync(rows.Ids[i], NpgsqlDbType.Uuid);
            await importer.WriteAsync(rows.RequestIds[i], NpgsqlDbType.Text);
            await importer.WriteAsync(ContactSource.AgencyId, NpgsqlDbType.Text);
            await importer.WriteAsync(rows.ReceivedAt[i], NpgsqlDbType.TimestampTz);
            await importer.WriteAsync(Received, NpgsqlDbType.Text);
            await importer.WriteAsync(rows.Bodies[i], NpgsqlDbType.Bytea);
        }
        await importer.CompleteAsync();
    }

    /// <summary>A batch of new rows: fresh ids and request ids, the time now.</summary>
    private BatchRows Rows(int sequence)
    {
        var now = DateTimeOffset.UtcNow;
        var rows = new BatchRows(new Guid[batch], new string[batch], new DateTimeOffset[batch], new byte[batch][]);
        for (var i = 0; i < batch; i++)
        {
            rows.Ids[i] = Guid.CreateVersion7(now);
            rows.RequestIds[i] = Guid.NewGuid().ToString();
            rows.ReceivedAt[i] = now;
            rows.Bodies[i] = bodies[((sequence * batch) + i) % bodies.Length];
        }
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await dataSource.DisposeAsync();
        await using var server = NpgsqlDataSource.Create(postgres.ConnectionString());
        await using var drop = server.CreateCommand($"DROP DATABASE \"{database}\" WITH (FORCE)");
        await drop.ExecuteNonQueryAsync();
    }

    private sealed record BatchRows(Guid[] Ids, string[] RequestIds, DateTimeOffset[] ReceivedAt, byte[][] Bodies);
}
