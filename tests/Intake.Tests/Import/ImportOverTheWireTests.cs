using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Tests.Progress;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;

namespace Mash.Intake.Tests.Import;

/// <summary>The importer's staff token on a real server: SubmitContactBatches takes it with no agency token; a practitioner's is refused.</summary>
[Collection(IntakeDatabaseCollection.Name)]
public sealed class ImportOverTheWireTests(IntakeDatabase database) : IAsyncLifetime
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    private readonly IntakeUnderTest intake = new(database);
    private IntakeServer? server;

    public async Task InitializeAsync() =>
        server = await IntakeServer.StartAsync(intake, new Dictionary<string, string> { [TestCallers.PoliceWest] = "police-west-token-for-the-import-test-0123456789" });

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    private static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };

    private static string ImporterToken => TestTokens.For("legacy-import", MashRoles.Importer);

    private async Task<SubmitContactBatchResult> SubmitBatchAsync(string token, params SubmitContactRequest[] requests)
    {
        using var call = new IntakeService.IntakeServiceClient(server!.Channel).SubmitContactBatches(Bearer(token));
        await call.RequestStream.WriteAsync(new SubmitContactBatch { Contacts = { requests } });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext().WaitAsync(HangGuard));
        return call.ResponseStream.Current;
    }

    [Fact]
    public async Task An_importer_token_submits_a_batch_with_original_times()
    {
        var originally = new DateTimeOffset(2024, 9, 25, 9, 30, 0, TimeSpan.Zero);
        var request = TestContacts.Request();
        request.ReceivedAt = Timestamp.FromDateTimeOffset(originally);

        var result = await SubmitBatchAsync(ImporterToken, request);

        Assert.Equal(originally, Assert.Single(result.Results).Accepted.ReceivedAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task A_contact_of_a_batch_waiting_for_an_undecided_earlier_contact_is_refused_FAILED_PRECONDITION_and_the_rest_go_on()
    {
        var received = intake.Time.Now.AddDays(-30);
        var earlier = Assert.Single((await SubmitBatchAsync(ImporterToken, ImportedAt(received))).Results).Accepted.ContactId;
        var waiting = ImportedAt(received.AddDays(5));
        waiting.EarlierDecidedIds.Add(earlier);
        var alone = ImportedAt(received.AddDays(5));

        var result = await SubmitBatchAsync(ImporterToken, waiting, alone);

        Assert.Equal((int)StatusCode.FailedPrecondition, result.Results[0].Rejected.Code);
        Assert.NotEmpty(result.Results[1].Accepted.ContactId);
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM contacts WHERE request_id = $1", waiting.RequestId));

        var decision = ProgressEvents.Decided(earlier);
        decision.OccurredAt = Timestamp.FromDateTimeOffset(received.AddDays(1));
        await new ProgressEvents(database.DataSource).ConsumeAsync(decision);
        var again = await SubmitBatchAsync(ImporterToken, waiting);

        Assert.NotEmpty(Assert.Single(again.Results).Accepted.ContactId);
    }

    private static SubmitContactRequest ImportedAt(DateTimeOffset receivedAt)
    {
        var request = TestContacts.Request();
        request.ReceivedAt = Timestamp.FromDateTimeOffset(receivedAt);
        return request;
    }

    [Fact]
    public async Task A_practitioner_token_is_PERMISSION_DENIED()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => SubmitBatchAsync(TestTokens.For("sw-1", MashRoles.Practitioner), TestContacts.Request()));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }
}
