using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Tests.Infrastructure;
using Mash.ServiceDefaults;

namespace Mash.Outcomes.Tests.Grpc;

/// <summary>Time is data for the importer: an outcome and its correction keep a legacy system's times; anyone else acts now.</summary>
[Collection(OutcomesDatabaseCollection.Name)]
public sealed class ImportedOutcomeTests(OutcomesDatabase database)
{
    private const string ContactId = "0b7d6a52-3f1e-4c8a-9d2b-5e6f7a8b9c01";
    private static readonly DateTimeOffset Decided = OutcomesUnderTest.Now.AddDays(-30);

    private static TestCallContext Importer => TestCallContext.ByStaff("importer-1", [MashRoles.Importer]);

    private async Task<OutcomesUnderTest> ImportedAsync()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync(ContactId);
        await outcomes.Service.RecordOutcome(new RecordOutcomeRequest { ContactId = ContactId, Outcome = "nfa", OccurredAt = Timestamp.FromDateTimeOffset(Decided) }, Importer);
        return outcomes;
    }

    [Fact]
    public async Task An_importer_records_an_outcome_at_its_own_time_and_the_event_says_so()
    {
        var outcomes = await ImportedAsync();

        var recorded = Assert.Single(await outcomes.OutboxAsync());
        Assert.Equal((Timestamp.FromDateTimeOffset(Decided), OutcomesUnderTest.NowTimestamp), (recorded.OccurredAt, recorded.RecordedAt));
        Assert.Equal(Timestamp.FromDateTimeOffset(Decided), Assert.Single(await outcomes.FedBackAsync()).OccurredAt);
    }

    [Fact]
    public async Task An_importer_corrects_at_its_own_time_but_never_before_the_outcome_it_corrects()
    {
        var outcomes = await ImportedAsync();
        CorrectOutcomeRequest Correction(DateTimeOffset at) =>
            new() { ContactId = ContactId, Outcome = "assessment", Reason = "legacy record", OccurredAt = Timestamp.FromDateTimeOffset(at) };

        var early = await Assert.ThrowsAsync<RpcException>(() => outcomes.Service.CorrectOutcome(Correction(Decided.AddHours(-1)), Importer));
        await outcomes.Service.CorrectOutcome(Correction(Decided.AddDays(1)), Importer);

        Assert.Equal(["occurred_at"], early.GetRpcStatus()!.Details.Single().Unpack<BadRequest>().FieldViolations.Select(v => v.Field));
        Assert.Equal(Timestamp.FromDateTimeOffset(Decided.AddDays(1)), Assert.Single(await outcomes.CorrectionsAsync()).OccurredAt);
    }

    [Fact]
    public async Task A_practitioner_giving_a_time_is_permission_denied_on_record_and_records_nothing()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.ContactAsync(ContactId);

        var error = await Assert.ThrowsAsync<RpcException>(() => outcomes.Service.RecordOutcome(
            new RecordOutcomeRequest { ContactId = ContactId, Outcome = "nfa", OccurredAt = Timestamp.FromDateTimeOffset(Decided) },
            TestCallContext.ByStaff("sw-1", [MashRoles.Practitioner])));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(0, await outcomes.DataSource.CountAsync("outcomes"));
        await using var audited = outcomes.DataSource.CreateCommand("SELECT count(*) FROM audit_log WHERE actor_id = 'sw-1' AND record_id = $1 AND outcome = 'denied'");
        audited.Parameters.Add(new() { Value = ContactId });
        Assert.Equal(1L, await audited.ExecuteScalarAsync());
    }
}
