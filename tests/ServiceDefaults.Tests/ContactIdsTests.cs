using Google.Rpc;
using Grpc.Core;

namespace Mash.ServiceDefaults.Tests;

/// <summary>A contact id in a request is the UUID Intake gave the contact; anything else is a bad request naming the field.</summary>
public sealed class ContactIdsTests
{
    [Fact]
    public void The_id_intake_gave_is_well_formed()
    {
        var id = Guid.NewGuid();

        Assert.Null(ContactIds.Violation(id.ToString()));
        Assert.Equal(id, ContactIds.Parse(id.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("c-1")]
    [InlineData("0b7d6a52-3f1e-4c8a-9d2b-5e6f7a8b9c0")]
    public void Anything_else_names_the_field(string contactId)
    {
        Assert.Equal("contact_id", ContactIds.Violation(contactId)?.Field);
        Assert.Equal("escalation.contact_id", ContactIds.Violation(contactId, "escalation.contact_id")?.Field);
    }

    [Fact]
    public void Parsing_anything_else_is_invalid_argument_naming_the_field()
    {
        var refused = Assert.Throws<RpcException>(() => ContactIds.Parse("c-1"));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("contact_id", Assert.Single(Assert.Single(refused.GetRpcStatus()!.Details).Unpack<BadRequest>().FieldViolations).Field);
    }
}
