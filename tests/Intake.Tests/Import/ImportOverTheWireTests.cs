using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
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

    private async Task<SubmitContactBatchResult> SubmitBatchAsync(string token, SubmitContactRequest request)
    {
        using var call = new IntakeService.IntakeServiceClient(server!.Channel).SubmitContactBatches(Bearer(token));
        await call.RequestStream.WriteAsync(new SubmitContactBatch { Contacts = { request } });
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

        var result = await SubmitBatchAsync(TestTokens.For("legacy-import", MashRoles.Importer), request);

        Assert.Equal(originally, Assert.Single(result.Results).Accepted.ReceivedAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task A_practitioner_token_is_PERMISSION_DENIED()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => SubmitBatchAsync(TestTokens.For("sw-1", MashRoles.Practitioner), TestContacts.Request()));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }
}
