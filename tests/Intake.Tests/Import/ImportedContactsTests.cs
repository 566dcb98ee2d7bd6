using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Tests.Progress;
using Mash.Intake.Tests.Repeats;

namespace Mash.Intake.Tests.Import;

/// <summary>
/// An importer replays a legacy case system's contacts (issue 16 point 1): on behalf of any configured
/// agency, each received at its original time, judged for repeats against what came before that time,
/// and a re-run changes nothing.
/// </summary>
[Collection(IntakeDatabaseCollection.Name)]
public sealed class ImportedContactsTests(IntakeDatabase database)
{
    private const string School = "st-marys-school";

    private readonly IntakeUnderTest intake = new(database);

    private DateTimeOffset Now => intake.Time.Now;

    private static SubmitContactRequest Imported(DateTimeOffset receivedAt, string agencyId = TestCallers.PoliceWest, params Subject[] subjects)
    {
        var request = subjects.Length > 0 ? RepeatSubjects.RequestAbout(subjects) : TestContacts.Request();
        request.Contact.Agency.OrganisationId = agencyId;
        request.ReceivedAt = Timestamp.FromDateTimeOffset(receivedAt);
        return request;
    }

    private Task<SubmitContactResponse> ImportAsync(SubmitContactRequest request) => intake.Service.SubmitContact(request, TestCallers.Importer());

    private Task<long> StoredAsync(string requestId) => database.CountAsync("SELECT count(*) FROM contacts WHERE request_id = $1", requestId);

    [Fact]
    public async Task An_importer_submits_for_any_configured_agency_received_at_its_original_time()
    {
        var originally = new DateTimeOffset(2024, 11, 5, 14, 20, 31, TimeSpan.Zero);
        var request = Imported(originally, School);

        var response = await ImportAsync(request);

        Assert.Equal(originally, response.ReceivedAt.ToDateTimeOffset());
        Assert.Equal(1, await database.CountAsync(
            "SELECT count(*) FROM contacts WHERE id = $1::uuid AND agency_id = $2 AND received_at = $3", response.ContactId, School, originally));
        var received = Assert.Single(await database.OutboxAsync<ContactReceived>(response.ContactId, e => e.ContactId));
        Assert.Equal(originally, received.OccurredAt.ToDateTimeOffset());
        Assert.Equal(School, received.AgencyId);
    }

    [Fact]
    public async Task An_agency_giving_received_at_is_INVALID_ARGUMENT_naming_it_and_stores_nothing()
    {
        var request = Imported(Now.AddDays(-30));

        var refused = await Assert.ThrowsAsync<RpcException>(() => intake.Service.SubmitContact(request, TestCallers.Agency()));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("received_at", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync(request.RequestId));
    }

    [Fact]
    public async Task An_importer_submitting_for_an_unconfigured_agency_is_INVALID_ARGUMENT()
    {
        var request = Imported(Now.AddDays(-30), "police-east");

        var refused = await Assert.ThrowsAsync<RpcException>(() => ImportAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("contact.agency.organisation_id", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync(request.RequestId));
    }

    [Fact]
    public async Task A_receipt_in_the_future_is_INVALID_ARGUMENT()
    {
        var request = Imported(Now.AddMinutes(1));

        var refused = await Assert.ThrowsAsync<RpcException>(() => ImportAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("received_at", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_birth_after_the_original_receipt_is_refused_though_it_is_past_now()
    {
        var request = Imported(new DateTimeOffset(2020, 1, 10, 9, 0, 0, TimeSpan.Zero));
        request.Contact.Subjects[0].DateOfBirth = new Date { Year = 2021, Month = 4, Day = 1 };

        var refused = await Assert.ThrowsAsync<RpcException>(() => ImportAsync(request));

        Assert.Contains("contact.subjects[0].date_of_birth", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rerun_returns_the_first_receipt_and_stores_nothing_more()
    {
        var request = Imported(Now.AddDays(-90));
        var first = await ImportAsync(request);

        var again = await ImportAsync(request.Clone());

        Assert.Equal(first, again);
        Assert.Equal(1, await StoredAsync(request.RequestId));
        Assert.Single(await database.OutboxAsync<ContactReceived>(first.ContactId, e => e.ContactId));
    }

    [Fact]
    public async Task A_contact_naming_an_earlier_contact_not_yet_heard_decided_is_FAILED_PRECONDITION_until_it_is()
    {
        var subject = RepeatSubjects.WithNhsNumber();
        var earlier = await ImportAsync(Imported(Now.AddDays(-20), TestCallers.PoliceWest, subject));
        var request = Imported(Now.AddDays(-10), TestCallers.PoliceWest, subject);
        request.EarlierDecidedIds.Add(earlier.ContactId);

        var refused = await Assert.ThrowsAsync<RpcException>(() => ImportAsync(request));

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains(earlier.ContactId, refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync(request.RequestId));

        var decision = ProgressEvents.Decided(earlier.ContactId);
        decision.OccurredAt = Timestamp.FromDateTimeOffset(Now.AddDays(-19));
        await new ProgressEvents(database.DataSource).ConsumeAsync(decision);
        var accepted = await ImportAsync(request.Clone());

        Assert.Equal([earlier.ContactId], accepted.RepeatsReferralIds);
        Assert.Equal(1, await StoredAsync(request.RequestId));
    }

    [Fact]
    public async Task An_agency_naming_earlier_contacts_is_INVALID_ARGUMENT_naming_the_field_and_stores_nothing()
    {
        var request = TestContacts.Request();
        request.EarlierDecidedIds.Add(Guid.NewGuid().ToString());

        var refused = await Assert.ThrowsAsync<RpcException>(() => intake.Service.SubmitContact(request, TestCallers.Agency()));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("earlier_decided_ids", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync(request.RequestId));
    }

    [Fact]
    public async Task An_imported_contact_repeats_only_contacts_received_before_its_original_time()
    {
        var subject = RepeatSubjects.WithNhsNumber();
        var year = new DateTimeOffset(2024, 1, 1, 9, 0, 0, TimeSpan.Zero);
        var march = await ImportAsync(Imported(year.AddMonths(2), TestCallers.PoliceWest, subject));
        // Imported later, received earlier: March's contact came after it, so it repeats nothing.
        var january = await ImportAsync(Imported(year, School, subject));
        var june = await ImportAsync(Imported(year.AddMonths(5), TestCallers.PoliceWest, subject));

        Assert.Empty(march.RepeatsContactIds);
        Assert.Empty(january.RepeatsContactIds);
        Assert.Equal([march.ContactId, january.ContactId], june.RepeatsContactIds);
    }
}
