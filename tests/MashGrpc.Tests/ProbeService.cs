using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using MashGrpc.Core;
using MashGrpc.Rpc;
using MashGrpc.Tests.Probe;

namespace MashGrpc.Tests;

/// <summary>Reports what the server saw of a call, and fails with a rich status on request.</summary>
public sealed class ProbeService : Probe.Probe.ProbeBase
{
    public const string UserStateKey = "user";

    public override Task<ProbeReply> Inspect(ProbeRequest request, ServerCallContext context)
    {
        var reply = new ProbeReply { Marker = request.Marker, Peer = context.Peer };
        foreach (var entry in context.RequestHeaders)
        {
            reply.Headers.Add(entry.IsBinary
                ? new ProbeHeader { Key = entry.Key, Bytes = ByteString.CopyFrom(entry.ValueBytes) }
                : new ProbeHeader { Key = entry.Key, Text = entry.Value });
        }
        if (context.UserState.TryGetValue(UserStateKey, out var user))
        {
            reply.UserState = (string)user;
        }
        return Task.FromResult(reply);
    }

    public override Task<Empty> FailRich(ProbeRequest request, ServerCallContext context) =>
        throw RpcErrors.InvalidArgument("the request is invalid",
            [new BadRequest.Types.FieldViolation { Field = "marker", Description = $"'{request.Marker}' is not acceptable" }]);
}
