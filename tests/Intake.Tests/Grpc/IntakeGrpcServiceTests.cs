using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using Grpc.Core;
using Google.Rpc;

namespace Mash.Intake.Tests.Grpc;

[Collection(IntakeDatabaseCollection.Name)]
public sealed class IntakeGrpcServiceTests(IntakeDatabase database)
{
    private readonly IntakeUnderTest intake = new(database);

    [Fact]
    public async Task SubmitContact_acknowledges_a_stored_contact()
    {
        var response = await intake.Service.SubmitContact(TestContacts.Request(), TestCallers.Agency());

        Assert.True(Guid.TryParse(response.ContactId, out _));
        Assert.Equal(ContactStatus.Received, response.Status);
        Assert.Equal(Timestamp.FromDateTimeOffset(intake.Time.Now.AddTicks(-7)), response.ReceivedAt);
    }

    [Fact]
    public async Task A_rejected_contact_names_every_field_at_fault_and_stores_nothing()
    {
        var request = TestContacts.Request();
        request.Contact.Agency.ReferralSource = "99";
        request.Contact.Subjects[0].NhsNumber = "9434765918";

        var rejected = await Assert.ThrowsAsync<RpcException>(() => intake.Service.SubmitContact(request, TestCallers.Agency()));

        Assert.Equal(StatusCode.InvalidArgument, rejected.StatusCode);
        var badRequest = Assert.Single(rejected.GetRpcStatus()!.Details).Unpack<BadRequest>();
        Assert.Equal(["contact.agency.referral_source", "contact.subjects[0].nhs_number"], badRequest.FieldViolations.Select(v => v.Field));
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM contacts WHERE request_id = $1", request.RequestId));
    }

    [Fact]
    public async Task GetContact_returns_the_contact_as_submitted()
    {
        var request = TestContacts.Request();
        var submitted = await intake.Service.SubmitContact(request, TestCallers.Agency());

        var record = await intake.Service.GetContact(new GetContactRequest { ContactId = submitted.ContactId }, TestCallers.Agency());

        Assert.Equal(submitted.ContactId, record.ContactId);
        Assert.Equal(request.Contact, record.Contact);
        Assert.Equal(submitted.ReceivedAt, record.ReceivedAt);
        Assert.Equal(ContactStatus.Received, record.Status);
    }

    [Fact]
    public async Task GetContact_of_an_unknown_contact_is_NOT_FOUND()
    {
        var missing = await Assert.ThrowsAsync<RpcException>(() =>
            intake.Service.GetContact(new GetContactRequest { ContactId = Guid.NewGuid().ToString() }, TestCallers.Agency()));

        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-contact-id")]
    public async Task GetContact_without_a_contact_id_is_INVALID_ARGUMENT(string contactId)
    {
        var rejected = await Assert.ThrowsAsync<RpcException>(() =>
            intake.Service.GetContact(new GetContactRequest { ContactId = contactId }, TestCallers.Agency()));

        Assert.Equal(StatusCode.InvalidArgument, rejected.StatusCode);
        Assert.Equal("contact_id", Assert.Single(Assert.Single(rejected.GetRpcStatus()!.Details).Unpack<BadRequest>().FieldViolations).Field);
    }
}
