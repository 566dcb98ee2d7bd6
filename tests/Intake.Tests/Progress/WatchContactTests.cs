using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Security;
using Grpc.Core;

namespace Mash.Intake.Tests.Progress;

/// <summary>WatchContact: the status now, each change, the end at CLOSED; only the submitting agency may watch.</summary>
[Collection(IntakeDatabaseCollection.Name)]
public sealed class WatchContactTests(IntakeDatabase database)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly IntakeUnderTest intake = new(database);
    private readonly ProgressEvents events = new(database.DataSource);

    private async Task<string> SubmitAsync() =>
        (await intake.Service.SubmitContact(TestContacts.Request(), TestCallers.Agency())).ContactId;

    private Task WatchAsync(string contactId, ChangeWriter writer, ServerCallContext context) =>
        intake.Service.WatchContact(new WatchContactRequest { ContactId = contactId }, writer, context);

    [Fact]
    public async Task Watching_sends_the_current_status_at_once()
    {
        var contactId = await SubmitAsync();
        var writer = new ChangeWriter();
        using var cancel = new CancellationTokenSource();
        var watching = WatchAsync(contactId, writer, PoliceWestCancelledBy(cancel.Token));

        var first = await writer.NextAsync(Patience);
        await cancel.CancelAsync();
        await watching.WaitAsync(Patience);

        Assert.Equal((contactId, ContactStatus.Received, ""), (first.ContactId, first.Status, first.Outcome));
    }

    [Fact]
    public async Task A_change_is_sent_after_a_consumer_applies_it_and_CLOSED_ends_the_stream()
    {
        var contactId = await SubmitAsync();
        var writer = new ChangeWriter();
        var watching = WatchAsync(contactId, writer, TestCallers.Agency());
        await writer.NextAsync(Patience);

        await events.ConsumeAsync(ProgressEvents.Rated(contactId));
        var inTriage = await writer.NextAsync(Patience);
        await events.ConsumeAsync(ProgressEvents.FedBack(contactId, "advice"));
        var closed = await writer.NextAsync(Patience);
        await watching.WaitAsync(Patience);

        Assert.Equal(ContactStatus.InTriage, inTriage.Status);
        Assert.Equal((ContactStatus.Closed, "advice"), (closed.Status, closed.Outcome));
    }

    [Fact]
    public async Task Watching_a_closed_contact_sends_it_once_and_ends()
    {
        var contactId = await SubmitAsync();
        await events.ConsumeAsync(ProgressEvents.FedBack(contactId));
        var writer = new ChangeWriter();

        await WatchAsync(contactId, writer, TestCallers.Agency()).WaitAsync(Patience);

        Assert.Equal(ContactStatus.Closed, Assert.Single(writer.Written).Status);
    }

    [Fact]
    public async Task Watching_another_agencys_contact_is_PERMISSION_DENIED_and_audited_as_denied()
    {
        var contactId = await SubmitAsync();
        var writer = new ChangeWriter();

        var refused = await Assert.ThrowsAsync<RpcException>(() => WatchAsync(contactId, writer, TestCallers.Agency("st-marys-school", method: WatchMethod)));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Empty(writer.Written);
        Assert.Equal(1, await database.CountAsync(
            "SELECT count(*) FROM audit_log WHERE record_id = $1 AND actor_id = 'st-marys-school' AND action = $2 AND outcome = 'denied'", contactId, WatchMethod));
    }

    private const string WatchMethod = "/mash.intake.v1.IntakeService/WatchContact";

    [Fact]
    public async Task Watching_an_unknown_contact_is_NOT_FOUND()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => WatchAsync(Guid.NewGuid().ToString(), new ChangeWriter(), TestCallers.Agency()));
        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task Watching_a_malformed_id_is_INVALID_ARGUMENT()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => WatchAsync("not-a-uuid", new ChangeWriter(), TestCallers.Agency()));
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
    }

    [Fact]
    public async Task Watching_is_audited_once_as_allowed_when_it_opens()
    {
        var contactId = await SubmitAsync();
        await events.ConsumeAsync(ProgressEvents.FedBack(contactId));

        await WatchAsync(contactId, new ChangeWriter(), TestCallers.Agency(method: WatchMethod)).WaitAsync(Patience);

        Assert.Equal(1, await database.CountAsync(
            "SELECT count(*) FROM audit_log WHERE record_id = $1 AND actor_id = $2 AND action = $3 AND outcome = 'allowed'", contactId, TestCallers.PoliceWest, WatchMethod));
    }

    [Fact]
    public async Task Server_shutdown_ends_the_stream_promptly_UNAVAILABLE()
    {
        var contactId = await SubmitAsync();
        var writer = new ChangeWriter();
        var watching = WatchAsync(contactId, writer, TestCallers.Agency());
        await writer.NextAsync(Patience);

        intake.Lifetime.StopApplication();

        var ended = await Assert.ThrowsAsync<RpcException>(() => watching.WaitAsync(Patience));
        Assert.Equal(StatusCode.Unavailable, ended.StatusCode);
    }

    /// <summary>Police West's call, which the client cancels through <paramref name="token"/>.</summary>
    private static TestCallContext PoliceWestCancelledBy(CancellationToken token) => TestCallers.Agency(TestCallers.PoliceWest, token);

    /// <summary>A response stream a test can await message by message.</summary>
    private sealed class ChangeWriter : IServerStreamWriter<ContactStatusChange>
    {
        private readonly System.Threading.Channels.Channel<ContactStatusChange> channel = System.Threading.Channels.Channel.CreateUnbounded<ContactStatusChange>();

        public List<ContactStatusChange> Written { get; } = [];

        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(ContactStatusChange message) => WriteAsync(message, CancellationToken.None);

        public Task WriteAsync(ContactStatusChange message, CancellationToken cancellationToken)
        {
            lock (Written)
            {
                Written.Add(message);
            }
            channel.Writer.TryWrite(message);
            return Task.CompletedTask;
        }

        public async Task<ContactStatusChange> NextAsync(TimeSpan patience) => await channel.Reader.ReadAsync().AsTask().WaitAsync(patience);
    }
}
