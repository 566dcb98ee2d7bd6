using System.Globalization;
using GrpcBenchmark;

namespace IntakeBenchmark;

/// <summary>Everything one run measured; a part not run stays null and its lines are left out.</summary>
internal sealed class Results
{
    public const double UnaryGoal = 5_000;
    public const double BulkGoal = 20_000;

    public Measurement? Ceiling { get; set; }
    public Measurement? BareCeiling { get; set; }
    public InsertMeasurement? Unnest { get; set; }
    public InsertMeasurement? Copy { get; set; }
    public Measurement? Unary { get; set; }
    public BulkResult? BulkCeiling { get; set; }
    public BulkResult? BareBulkCeiling { get; set; }
    public BulkResult? Bulk { get; set; }
    public BulkResult? BatchCeiling { get; set; }
    public BulkResult? Batches { get; set; }
    public DrainResult? BatchesDrain { get; set; }
    public DrainResult? UnaryDrain { get; set; }
    public DrainResult? BulkDrain { get; set; }
    public DrainResult? PreloadedDrain { get; set; }

    /// <summary>The table, the ratios and the goals, in Markdown so it pastes into BENCHMARKS.md.</summary>
    public void Print(Settings settings)
    {
        Console.WriteLine();
        Console.WriteLine($"Medians of {settings.Rounds} round(s) where rounds apply. p50/p99 are per call, or per batch for PostgreSQL.");
        Console.WriteLine();
        Console.WriteLine("| measurement | rate | p50 ms | p99 ms | notes |");
        Console.WriteLine("| --- | ---: | ---: | ---: | --- |");
        if (Ceiling is { } ceiling)
        {
            Row("1. ceiling: grpc-dotnet SubmitContact that only answers", ceiling.CallsPerSecond, "calls/s", ceiling.P50Ms, ceiling.P99Ms,
                $"{settings.Concurrency} in flight, {settings.Connections} connections, {ceiling.CpuMicrosecondsPerCall:0.0} CPU us/call");
        }
        if (BulkCeiling is { } bulkCeiling)
        {
            Row("1b. ceiling: grpc-dotnet SubmitContacts that only answers", bulkCeiling.ContactsPerSecond, "contacts/s", null, null,
                $"{bulkCeiling.Contacts:N0} contacts over {bulkCeiling.Streams} stream(s) in {bulkCeiling.Seconds:0.0} s, {bulkCeiling.Allocated / 1024.0 / bulkCeiling.Contacts:0.0} KB allocated a contact, {bulkCeiling.Cpu.PerContact(bulkCeiling.Contacts)}");
        }
        if (BatchCeiling is { } batchCeiling)
        {
            Row("1e. ceiling: grpc-dotnet SubmitContactBatches that only answers", batchCeiling.ContactsPerSecond, "contacts/s", null, null,
                $"{batchCeiling.Contacts:N0} contacts, {settings.BulkBatch} a batch, over {batchCeiling.Streams} stream(s) in {batchCeiling.Seconds:0.0} s, {batchCeiling.Allocated / 1024.0 / batchCeiling.Contacts:0.0} KB allocated a contact, {batchCeiling.Cpu.PerContact(batchCeiling.Contacts)}");
        }
        if (BareCeiling is { } bareCeiling)
        {
            Row("1c. ceiling: bare Kestrel + HttpClient SubmitContact", bareCeiling.CallsPerSecond, "calls/s", bareCeiling.P50Ms, bareCeiling.P99Ms,
                $"{settings.Concurrency} in flight, {settings.Connections} connections, {bareCeiling.CpuMicrosecondsPerCall:0.0} CPU us/call");
        }
        if (BareBulkCeiling is { } bareBulk)
        {
            Row("1d. ceiling: bare Kestrel + HttpClient SubmitContacts", bareBulk.ContactsPerSecond, "contacts/s", null, null,
                $"{bareBulk.Contacts:N0} contacts over {bareBulk.Streams} stream(s) in {bareBulk.Seconds:0.0} s, {bareBulk.Allocated / 1024.0 / bareBulk.Contacts:0.0} KB allocated a contact");
        }
        if (Unnest is { } unnest)
        {
            Row("2a. PostgreSQL INSERT ... unnest", unnest.RowsPerSecond, "rows/s", unnest.P50Ms, unnest.P99Ms,
                $"{settings.Batch:N0} rows a statement, {settings.PostgresWriters} writer(s)");
        }
        if (Copy is { } copy)
        {
            Row("2b. PostgreSQL COPY BINARY", copy.RowsPerSecond, "rows/s", copy.P50Ms, copy.P99Ms,
                $"{settings.Batch:N0} rows a COPY, {settings.PostgresWriters} writer(s)");
        }
        if (Unary is { } unary)
        {
            Row("3. SubmitContact (unary)", unary.CallsPerSecond, "contacts/s", unary.P50Ms, unary.P99Ms,
                $"{settings.Concurrency} in flight, {settings.Connections} connections, repeat share {settings.RepeatShare:0.##}");
        }
        if (Bulk is { } bulk)
        {
            Row("4. SubmitContacts (bulk, a contact a message)", bulk.ContactsPerSecond, "contacts/s", null, null,
                $"{bulk.Contacts:N0} contacts into {bulk.StoredBefore:N0} stored, over {bulk.Streams} stream(s) in {bulk.Seconds:0.0} s, {bulk.Accepted:N0} accepted, {bulk.Cpu.PerContact(bulk.Contacts)}");
        }
        if (Batches is { } batches)
        {
            Row("4b. SubmitContactBatches (bulk, batches)", batches.ContactsPerSecond, "contacts/s", null, null,
                $"{batches.Contacts:N0} contacts, {settings.BulkBatch} a batch, into {batches.StoredBefore:N0} stored, over {batches.Streams} stream(s) in {batches.Seconds:0.0} s, {batches.Accepted:N0} accepted, {batches.Cpu.PerContact(batches.Contacts)}");
        }
        if (UnaryDrain is { } unaryDrain)
        {
            DrainRow("5a. outbox drain after unary", unaryDrain);
        }
        if (BulkDrain is { } bulkDrain)
        {
            DrainRow("5b. outbox drain after bulk", bulkDrain);
        }
        if (BatchesDrain is { } batchesDrain)
        {
            DrainRow("5b'. outbox drain after batches", batchesDrain);
        }
        if (PreloadedDrain is { } preloaded)
        {
            DrainRow("5c. outbox dispatcher alone (preloaded)", preloaded);
        }

        Console.WriteLine();
        if (Ceiling is not null && BareCeiling is not null)
        {
            Line($"grpc-dotnet / bare (SubmitContact): {Ceiling.CallsPerSecond / BareCeiling.CallsPerSecond:0.00} by calls/s, {BareCeiling.CpuMicrosecondsPerCall / Ceiling.CpuMicrosecondsPerCall:0.00} by CPU cost");
        }
        if (BulkCeiling is not null && BareBulkCeiling is not null)
        {
            Line($"grpc-dotnet / bare (SubmitContacts): {BulkCeiling.ContactsPerSecond / BareBulkCeiling.ContactsPerSecond:0.00}");
        }
        if (Unary is not null && Ceiling is not null)
        {
            Line($"unary / ceiling: {Unary.CallsPerSecond / Ceiling.CallsPerSecond:0.000}");
        }
        if (Bulk is not null && BulkCeiling is not null)
        {
            Line($"bulk / ceiling (SubmitContacts): {Bulk.ContactsPerSecond / BulkCeiling.ContactsPerSecond:0.000}");
        }
        if (Batches is not null && BatchCeiling is not null)
        {
            Line($"batches / ceiling (SubmitContactBatches): {Batches.ContactsPerSecond / BatchCeiling.ContactsPerSecond:0.000}");
        }
        if (Bulk is not null && Unnest is not null)
        {
            Line($"bulk / PostgreSQL unnest insert: {Bulk.ContactsPerSecond / Unnest.RowsPerSecond:0.000}");
        }
        if (Bulk is not null && Copy is not null)
        {
            Line($"bulk / PostgreSQL COPY: {Bulk.ContactsPerSecond / Copy.RowsPerSecond:0.000}");
        }
        if (Bulk is not null && BulkDrain is not null)
        {
            // The dispatcher yields to an import (ServiceDefaults:Outbox:MaxYield): its events follow it.
            Line($"bulk: the import's last event left {Bulk.Seconds + BulkDrain.Seconds:0.0} s after its first contact was sent ({Bulk.Seconds:0.0} s importing, {BulkDrain.Seconds:0.0} s publishing what was left)");
        }
        if (Unary is not null)
        {
            Line($"goal: unary >= {UnaryGoal:N0} contacts/s: {Met(Unary.CallsPerSecond >= UnaryGoal)} ({Unary.CallsPerSecond:N0})");
        }
        if (Bulk is not null)
        {
            Line($"goal: bulk >= {BulkGoal:N0} contacts/s, SubmitContacts (a contact a message): {Met(Bulk.ContactsPerSecond >= BulkGoal)} ({Bulk.ContactsPerSecond:N0})");
        }
        if (Batches is not null)
        {
            Line($"goal: bulk >= {BulkGoal:N0} contacts/s, SubmitContactBatches ({settings.BulkBatch} a batch): {Met(Batches.ContactsPerSecond >= BulkGoal)} ({Batches.ContactsPerSecond:N0})");
        }
    }

    // A backlog of a few dispatcher batches (256 rows each) says only that the dispatcher kept up:
    // its time is mostly the dispatcher's and this poll's intervals, so no rate is made of it.
    private static void DrainRow(string name, DrainResult drain)
    {
        if (drain.Backlog < 1_000)
        {
            Line($"| {name} | kept up | | | {drain.Backlog:N0} events left when the submissions ended, gone in {drain.Seconds:0.00} s |");
        }
        else
        {
            Line($"| {name} | {drain.EventsPerSecond:N0} events/s | | | {drain.Backlog:N0} events left, gone in {drain.Seconds:0.0} s |");
        }
    }

    private static string Met(bool met) => met ? "met" : "NOT met";

    private static void Row(string name, double rate, string unit, double? p50, double? p99, string notes) =>
        Line($"| {name} | {rate:N0} {unit} | {Ms(p50)} | {Ms(p99)} | {notes} |");

    private static string Ms(double? ms) => ms is { } value ? value.ToString("0.000", CultureInfo.InvariantCulture) : "";

    private static void Line(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));
}
