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
        }
        return metadata;
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
