using System.Buffers.Binary;

namespace Mash.Intake.Listing;

/// <summary>
/// Where a page of ListContacts ended: the (received_at, id) of its last contact, the next page
/// starting strictly after it in (received_at, id) descending order. Opaque to clients: base64url
/// of a version byte, received_at in microseconds since the Unix epoch and the id's 16 bytes.
/// </summary>
public sealed record PageToken(DateTimeOffset ReceivedAt, Guid ContactId)
{
    private const byte Version = 1;
    private const int Length = 1 + 8 + 16;

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], (ReceivedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10);
        ContactId.TryWriteBytes(bytes[9..], bigEndian: true, out _);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The token <see cref="Encode"/> wrote; false for anything else.</summary>
    public static bool TryDecode(string text, out PageToken? token)
    {
        token = null;
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var bytes = new byte[Length + 3];
        if (!Convert.TryFromBase64String(base64, bytes, out var written) || written != Length || bytes[0] != Version)
        {
            return false;
        }
        var microseconds = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1));
        var ticks = DateTimeOffset.UnixEpoch.UtcTicks + (microseconds * 10);
        if (microseconds < 0 || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }
        token = new PageToken(new DateTimeOffset(ticks, TimeSpan.Zero), new Guid(bytes.AsSpan(9, 16), bigEndian: true));
        return true;
    }
}
