using Google.Rpc;
using Grpc.Core;
using FieldViolation = Google.Rpc.BadRequest.Types.FieldViolation;

namespace Mash.ServiceDefaults.Tests;

/// <summary>The rich error model services answer with (moved here with RpcErrors from the platform's own gRPC runtime).</summary>
public sealed class RpcErrorsTests
{
    private static readonly FieldViolation[] Violations =
    [
        new() { Field = "contact_id", Description = "is required" },
        new() { Field = "rag", Description = "must be RAG_RED, RAG_AMBER or RAG_GREEN" },
    ];

    [Fact]
    public void Invalid_argument_names_every_field_at_fault_in_a_BadRequest_detail()
    {
        var exception = RpcErrors.InvalidArgument(Violations);

        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        var badRequest = Assert.Single(exception.GetRpcStatus()!.Details).Unpack<BadRequest>();
        Assert.Equal(["contact_id", "rag"], badRequest.FieldViolations.Select(v => v.Field));
        Assert.Equal(["is required", "must be RAG_RED, RAG_AMBER or RAG_GREEN"], badRequest.FieldViolations.Select(v => v.Description));
    }

    [Fact]
    public void Invalid_argument_says_every_field_at_fault_in_words_unless_given_a_message()
    {
        Assert.Equal("contact_id: is required; rag: must be RAG_RED, RAG_AMBER or RAG_GREEN", RpcErrors.InvalidArgument(Violations).Status.Detail);
        Assert.Equal("not accepted", RpcErrors.InvalidArgument("not accepted", Violations).GetRpcStatus()!.Message);
        Assert.Equal("from: Must be given; to: Must be given", RpcErrors.Describe([new() { Field = "from", Description = "Must be given." }, new() { Field = "to", Description = "Must be given." }]));
    }

    [Fact]
    public void One_field_at_fault_is_a_BadRequest_of_one()
    {
        var exception = RpcErrors.InvalidArgument("contact_id", "is required");

        Assert.Equal("contact_id: is required", exception.Status.Detail);
        Assert.Equal("contact_id", Assert.Single(Assert.Single(exception.GetRpcStatus()!.Details).Unpack<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public void The_other_failures_are_plain_statuses()
    {
        Assert.Equal(StatusCode.NotFound, RpcErrors.NotFound("no such contact").StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, RpcErrors.FailedPrecondition("not yet rated").StatusCode);
        Assert.Equal(StatusCode.ResourceExhausted, RpcErrors.ResourceExhausted("too far behind").StatusCode);
        Assert.Equal(StatusCode.Unavailable, RpcErrors.Unavailable("stopping").StatusCode);
        Assert.Null(RpcErrors.NotFound("no such contact").GetRpcStatus());
    }
}
