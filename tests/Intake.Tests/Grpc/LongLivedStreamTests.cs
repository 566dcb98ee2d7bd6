using Grpc.Core;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Tests.Progress;

namespace Mash.Intake.Tests.Grpc;

/// <summary>
/// Streams that stay open with nothing to say are not cut by Kestrel's minimum data rates (240
/// bytes a second after a 5 s grace period, for request bodies and responses alike): a frontline
/// app's WatchContact waits hours between changes, and a bulk import's SubmitContacts may pause.
/// Nor do they hold a stopping replica: an open watch ends UNAVAILABLE at once.
/// </summary>
[Collection(IntakeDatabaseCollection.Name)]
public sealed class LongLivedStreamTests(IntakeDatabase database) : PoliceIntakeServer(database, PoliceToken)
{
    private const string PoliceToken = "police-west-token-for-the-long-stream-test-0123456789";
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);
    private static readonly Metadata Police = new() { { "authorization", $"Bearer {PoliceToken}" } };

    /// <summary>Longer than Kestrel's 5 s grace period, during which neither stream carries a byte.</summary>
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(8);

    private readonly ProgressEvents events = new(database.DataSource);
    [Fact]
    public async Task An_idle_watch_and_an_idle_bulk_import_outlive_the_minimum_data_rate_grace_period()
    {
        var client = new IntakeService.IntakeServiceClient(Server.Channel);
        var contactId = (await client.SubmitContactAsync(TestContacts.Request(), Police).ResponseAsync.WaitAsync(HangGuard)).ContactId;
        using var watch = client.WatchContact(new WatchContactRequest { ContactId = contactId }, Police);
        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(HangGuard));
        using var import = client.SubmitContacts(Police);
        var first = TestContacts.Request();
        await import.RequestStream.WriteAsync(first).WaitAsync(HangGuard);
        Assert.True(await import.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(HangGuard));

        await Task.Delay(Idle);

        await events.ConsumeAsync(ProgressEvents.Rated(contactId));
        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(HangGuard));
        var second = TestContacts.Request();
        await import.RequestStream.WriteAsync(second).WaitAsync(HangGuard);
        Assert.True(await import.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(HangGuard));
        var secondResult = import.ResponseStream.Current;
        await import.RequestStream.CompleteAsync().WaitAsync(HangGuard);
        Assert.False(await import.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(HangGuard));

        Assert.Equal(ContactStatus.InTriage, watch.ResponseStream.Current.Status);
        Assert.Equal(second.RequestId, secondResult.RequestId);
        Assert.Equal(SubmitContactResult.ResultOneofCase.Accepted, secondResult.ResultCase);
        Assert.Equal(StatusCode.OK, import.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Stopping_Intake_ends_an_open_watch_UNAVAILABLE_so_the_app_watches_again_elsewhere()
    {
        var client = new IntakeService.IntakeServiceClient(Server.Channel);
        var contactId = (await client.SubmitContactAsync(TestContacts.Request(), Police).ResponseAsync.WaitAsync(HangGuard)).ContactId;
        using var watch = client.WatchContact(new WatchContactRequest { ContactId = contactId }, Police);
        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(HangGuard));

        var stopping = Server.StopAsync();
        var ended = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(HangGuard));
        await stopping.WaitAsync(HangGuard);

        Assert.Equal(StatusCode.Unavailable, ended.StatusCode);
    }
}
