using MashGrpc.Core;

namespace MashGrpc.Internal;

/// <summary>Metadata to and from HTTP/2 header fields: binary values travel as base64.</summary>
internal static class MetadataHeaders
{
    public static string ToHeaderValue(Metadata.Entry entry) =>
        entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes).TrimEnd('=') : entry.Value;

    /// <summary>Builds metadata from header fields, leaving out the protocol's own headers.</summary>
    public static Metadata FromHeaders(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers)
        {
            var key = name.ToLowerInvariant();
            if (GrpcProtocol.IsReservedHeader(key))
            {
                continue;
            }
            foreach (var value in values)
            {
                AddValue(metadata, key, value);
            }
        }
        return metadata;
    }

    /// <summary>
    /// The same from HttpClient's response headers or trailers, read as they arrived
    /// (<see cref="System.Net.Http.Headers.HttpHeaders.NonValidated"/>): no parsing, no array per header.
    /// </summary>
    public static Metadata FromHttpHeaders(System.Net.Http.Headers.HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers.NonValidated)
        {
            var key = name.ToLowerInvariant();
            if (GrpcProtocol.IsReservedHeader(key))
            {
                continue;
            }
            foreach (var value in values)
            {
                AddValue(metadata, key, value);
            }
        }
        return metadata;
    }

    // A header that cannot be metadata (a bad key, undecodable base64) is left out rather than
    // failing the call: the peer's other metadata is still good.
    private static void AddValue(Metadata metadata, string key, string value)
    {
        try
        {
            AddValidValue(metadata, key, value);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
        }
    }

    private static void AddValidValue(Metadata metadata, string key, string value)
    {
        if (key.EndsWith(Metadata.BinaryHeaderSuffix, StringComparison.Ordinal))
        {
            // Several binary values may arrive comma-joined in one field.
            foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                metadata.Add(key, DecodeBase64(part));
            }
        }
        else
        {
            metadata.Add(key, value);
        }
    }

    /// <summary>Base64 with or without padding, as the spec requires receivers to accept.</summary>
    public static byte[] DecodeBase64(string value)
    {
        var padded = (value.Length % 4) switch
        {
            2 => value + "==",
            3 => value + "=",
            _ => value,
        };
        return Convert.FromBase64String(padded);
    }
}
