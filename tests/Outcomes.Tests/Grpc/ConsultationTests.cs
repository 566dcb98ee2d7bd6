using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Tests.Infrastructure;
using Mash.ServiceDefaults;

namespace Mash.Outcomes.Tests.Grpc;

[Collection(OutcomesDatabaseCollection.Name)]
public sealed class ConsultationTests(OutcomesDatabase database)
{
    private static RecordConsultationRequest Consultation(Timestamp? at = null) => new() { AgencyId = "school-9", Kind = "early-help", OccurredAt = at };

    [Fact]
    public async Task A_consultation_is_recorded_as_the_caller_now_and_announced()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());

        var response = await outcomes.Service.RecordConsultation(Consultation(), TestCallContext.ByStaff("sw-4", [MashRoles.Practitioner]));

        var given = Assert.Single(await outcomes.ConsultationsGivenAsync());
        Assert.Equal((response.ConsultationId, "school-9", "early-help", OutcomesUnderTest.NowTimestamp), (given.ConsultationId, given.AgencyId, given.Kind, given.OccurredAt));
        await using var command = outcomes.DataSource.CreateCommand("SELECT given_by FROM consultations");
        Assert.Equal("sw-4", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task An_importer_gives_the_time_anyone_else_giving_one_is_denied()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        var earlier = Timestamp.FromDateTimeOffset(OutcomesUnderTest.Now.AddDays(-30));

        await outcomes.Service.RecordConsultation(Consultation(earlier), TestCallContext.ByStaff("importer-1", [MashRoles.Importer]));
        var error = await Assert.ThrowsAsync<RpcException>(() => outcomes.Service.RecordConsultation(Consultation(earlier), TestCallContext.ByStaff("sw-4", [MashRoles.Practitioner])));

        Assert.Equal(earlier, Assert.Single(await outcomes.ConsultationsGivenAsync()).OccurredAt);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task A_bad_request_is_invalid_argument_naming_each_field()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());

        var error = await Assert.ThrowsAsync<RpcException>(() => outcomes.Service.RecordConsultation(new RecordConsultationRequest(), TestCallContext.ByStaff("sw-4", [MashRoles.Practitioner])));

        Assert.Equal(["agency_id", "kind"], error.GetRpcStatus()!.Details.Single().Unpack<BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task The_counts_by_agency_answer_over_the_service_and_a_missing_period_is_invalid_argument()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        await outcomes.Service.RecordConsultation(Consultation(), TestCallContext.ByStaff("sw-4", [MashRoles.Practitioner]));
        var board = TestCallContext.ByStaff("board-1", [MashRoles.BoardMember]);

        var counts = await outcomes.Service.GetOutcomeCounts(
            new GetOutcomeCountsRequest { From = Timestamp.FromDateTimeOffset(OutcomesUnderTest.Now.AddDays(-1)), To = Timestamp.FromDateTimeOffset(OutcomesUnderTest.Now.AddDays(1)) }, board);
        var error = await Assert.ThrowsAsync<RpcException>(() => outcomes.Service.GetOutcomeCounts(new GetOutcomeCountsRequest(), board));

        Assert.Equal(1, Assert.Single(counts.Agencies).Consultations["early-help"]);
        Assert.Equal(["from", "to"], error.GetRpcStatus()!.Details.Single().Unpack<BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task A_retry_with_the_same_request_id_answers_the_same_consultation_and_records_nothing_more()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        var request = Consultation();
        request.RequestId = Guid.NewGuid().ToString();
        var practitioner = TestCallContext.ByStaff("sw-4", [MashRoles.Practitioner]);

        var first = await outcomes.Service.RecordConsultation(request, practitioner);
        var again = await outcomes.Service.RecordConsultation(request, practitioner);
        await outcomes.Service.RecordConsultation(Consultation(), practitioner);

        Assert.Equal(first.ConsultationId, again.ConsultationId);
        Assert.Equal(2, (await outcomes.ConsultationsGivenAsync()).Count);
    }

    [Fact]
    public async Task A_request_id_that_is_not_a_uuid_is_invalid_argument_naming_it()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        var request = Consultation();
        request.RequestId = "retry-1";

        var error = await Assert.ThrowsAsync<RpcException>(() => outcomes.Service.RecordConsultation(request, TestCallContext.ByStaff("sw-4", [MashRoles.Practitioner])));

        Assert.Equal(["request_id"], error.GetRpcStatus()!.Details.Single().Unpack<BadRequest>().FieldViolations.Select(v => v.Field));
    }
}
