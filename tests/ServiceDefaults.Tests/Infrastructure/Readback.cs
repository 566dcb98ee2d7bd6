using Mash.Testing.Servers;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Mash.ServiceDefaults.Tests.Infrastructure;

/// <summary>What a test reads back from the real servers to see what a service did.</summary>
internal static class Readback
{
    /// <summary>The number a query answers (<c>count(*)</c>), or -1 while PostgreSQL cannot answer (it is restarting).</summary>
    public static async Task<long> CountAsync(string database, string sql)
    {
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(database);
            await using var command = dataSource.CreateCommand(sql);
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (NpgsqlException)
        {
            return -1;
        }
    }

    /// <summary>
    /// Takes the next message off <paramref name="queue"/>; null while it holds none or does not
    /// exist (MassTransit declares an <c>_error</c> queue with the first message it moves there).
    /// </summary>
    public static async Task<BasicGetResult?> TryGetAsync(this RabbitMqServer broker, string queue)
    {
        await using var connection = await ConnectAsync(broker);
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return await channel.BasicGetAsync(queue, autoAck: true);
        }
        catch (OperationInterruptedException)
        {
            return null;
        }
    }

    /// <summary>Waits for a message in <paramref name="queue"/> and takes it off.</summary>
    public static async Task<BasicGetResult> GetAsync(this RabbitMqServer broker, string queue)
    {
        BasicGetResult? result = null;
        await ServiceHost.WaitUntilAsync(async () => (result = await broker.TryGetAsync(queue)) is not null);
        return result!;
    }

    /// <summary>The messages ready in <paramref name="queue"/>; 0 if it was never declared.</summary>
    public static async Task<uint> MessagesInAsync(this RabbitMqServer broker, string queue)
    {
        await using var connection = await ConnectAsync(broker);
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException)
        {
            return 0;
        }
    }

    /// <summary>How many times the broker logged that <paramref name="queue"/> was asked for and not found (<c>not_found</c>, an error line each).</summary>
    public static async Task<int> NotFoundLoggedAsync(this RabbitMqServer broker, string queue)
    {
        var expression = $"length(binary:matches(element(2, file:read_file(hd(rabbit:log_locations()))), <<\"no queue '{queue}'\">>)).";
        return int.Parse((await broker.CtlAsync("eval", expression)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task<IConnection> ConnectAsync(RabbitMqServer broker) =>
        new ConnectionFactory { Uri = new Uri(broker.ConnectionString) }.CreateConnectionAsync();
}
