using Grpc.Testing;
using MashGrpc.Core;

namespace Interop.Client.Cases;

/// <summary>
/// custom_metadata: x-grpc-test-echo-initial comes back in the initial metadata and
/// x-grpc-test-echo-trailing-bin (0xababab) in the trailers, on UnaryCall and on FullDuplexCall.
/// </summary>
internal static class CustomMetadata
{
    private const string InitialKey = "x-grpc-test-echo-initial";
    private const string InitialValue = "test_initial_metadata_value";
    private const string TrailingKey = "x-grpc-test-echo-trailing-bin";
    private static readonly byte[] TrailingValue = [0xab, 0xab, 0xab];

    public static async Task RunAsync(InteropContext ctx)
    {
        using (var unary = ctx.Client.UnaryCallAsync(LargeUnary.Request(), Headers(), InteropContext.Deadline()))
        {
            var response = await unary.ResponseAsync;
            Check.ZeroPayload(response.Payload, 314159, "UnaryCall");
            Check.Ok(unary.GetStatus(), "UnaryCall");
            AssertEchoed(await unary.ResponseHeadersAsync, unary.GetTrailers(), "UnaryCall");
        }

        using var duplex = ctx.Client.FullDuplexCall(Headers(), InteropContext.Deadline());
        var request = new StreamingOutputCallRequest { ResponseType = PayloadType.Compressable, Payload = Check.Zeros(271828) };
        request.ResponseParameters.Add(new ResponseParameters { Size = 314159 });
        await duplex.RequestStream.WriteAsync(request);
        await duplex.RequestStream.CompleteAsync();
        var responses = await duplex.ResponseStream.ReadAllAsync().ToListAsync();
        Check.Equal(1, responses.Count, "FullDuplexCall: number of responses");
        Check.ZeroPayload(responses[0].Payload, 314159, "FullDuplexCall");
        Check.Ok(duplex.GetStatus(), "FullDuplexCall");
        AssertEchoed(await duplex.ResponseHeadersAsync, duplex.GetTrailers(), "FullDuplexCall");
    }

    private static Metadata Headers() => new() { { InitialKey, InitialValue }, { TrailingKey, TrailingValue } };

    private static void AssertEchoed(Metadata initial, Metadata trailing, string what)
    {
        var initialValues = initial.GetAll(InitialKey).Select(e => e.Value).ToList();
        Check.Equal(InitialValue, string.Join(",", initialValues), $"{what}: initial metadata {InitialKey}");
        Check.Equal(1, initialValues.Count, $"{what}: number of initial {InitialKey} values");

        var trailingValues = trailing.GetAll(TrailingKey).Select(e => e.ValueBytes).ToList();
        Check.Equal(1, trailingValues.Count, $"{what}: number of trailing {TrailingKey} values");
        Check.True(trailingValues[0].AsSpan().SequenceEqual(TrailingValue),
            $"{what}: expected trailing {TrailingKey}=0xababab, got 0x{Convert.ToHexStringLower(trailingValues[0])}");
    }
}
