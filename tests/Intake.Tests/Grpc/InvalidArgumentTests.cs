using Mash.Intake.Grpc;
using Mash.Intake.Validation;
using Grpc.Core;
using Google.Rpc;

namespace Mash.Intake.Tests.Grpc;

public sealed class InvalidArgumentTests
{
    private static readonly Violation[] Violations =
    [
        new("request_id", "required"),
        new("contact.subjects[0].nhs_number", "not a valid NHS number"),
    ];

    [Fact]
    public void Every_field_at_fault_is_in_the_BadRequest_detail()
    {
        var status = InvalidArgument.Of("The contact was not accepted", Violations).GetRpcStatus()!;

        var badRequest = Assert.Single(status.Details).Unpack<BadRequest>();
        Assert.Equal(["request_id", "contact.subjects[0].nhs_number"], badRequest.FieldViolations.Select(v => v.Field));
        Assert.Equal(["required", "not a valid NHS number"], badRequest.FieldViolations.Select(v => v.Description));
    }

    [Fact]
    public void The_status_is_INVALID_ARGUMENT_and_says_the_same_in_words()
    {
        var exception = InvalidArgument.Of("The contact was not accepted", Violations);

        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        Assert.Equal("The contact was not accepted: request_id: required; contact.subjects[0].nhs_number: not a valid NHS number.", exception.Status.Detail);
    }
}
