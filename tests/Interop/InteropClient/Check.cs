using Google.Protobuf;
using Grpc.Testing;
using MashGrpc.Core;

namespace Interop.Client;

/// <summary>A case's assertion failed; the message says what was expected and what came.</summary>
internal sealed class InteropAssertionException(string message) : Exception(message);

/// <summary>Strict assertions for the interop cases.</summary>
internal static class Check
{
    public static void True(bool condition, string message)
    {
        if (!condition)
        {
            throw new InteropAssertionException(message);
        }
    }

    public static void Equal<T>(T expected, T actual, string what) =>
        True(EqualityComparer<T>.Default.Equals(expected, actual), $"{what}: expected {Show(expected)}, got {Show(actual)}");

    /// <summary>A COMPRESSABLE payload of exactly <paramref name="size"/> zero bytes.</summary>
    public static void ZeroPayload(Payload? payload, int size, string what)
    {
        True(payload is not null, $"{what}: response has no payload");
        Equal(PayloadType.Compressable, payload!.Type, $"{what}: payload.type");
        Equal(size, payload.Body.Length, $"{what}: payload body size");
        var body = payload.Body.Span;
        var nonZero = body.IndexOfAnyExcept((byte)0);
        True(nonZero < 0, $"{what}: payload body byte {nonZero} is 0x{(nonZero < 0 ? 0 : body[nonZero]):x2}, expected all zeros");
    }

    public static void Ok(Status status, string what) => Equal(StatusCode.OK, status.StatusCode, $"{what}: status code (detail \"{status.Detail}\")");

    /// <summary>The call fails with <paramref name="code"/> (and, when given, exactly <paramref name="detail"/>).</summary>
    public static async Task<RpcException> FailsWithAsync(Func<Task> call, StatusCode code, string? detail, string what)
    {
        try
        {
            await call();
        }
        catch (RpcException ex)
        {
            Equal(code, ex.StatusCode, $"{what}: status code (detail {Show(ex.Status.Detail)})");
            if (detail is not null)
            {
                Equal(detail, ex.Status.Detail, $"{what}: status message");
            }
            return ex;
        }
        throw new InteropAssertionException($"{what}: call succeeded but {code} was expected");
    }

    public static Payload Zeros(int size) => new() { Type = PayloadType.Compressable, Body = ByteString.CopyFrom(new byte[size]) };

    private static string Show<T>(T value) => value switch
    {
        null => "null",
        string s => System.Text.Json.JsonSerializer.Serialize(s),
        byte[] b => "0x" + Convert.ToHexStringLower(b),
        _ => value.ToString() ?? "",
    };
}
