using System.Text;

namespace Mash.Hosting.Telemetry;

/// <summary>
/// Finds <c>service.name</c> in an OTLP protobuf export request without generated classes.
/// Traces, metrics and logs share the shape this needs: field 1 of the request is the repeated
/// Resource{Spans,Metrics,Logs}, whose field 1 is the Resource, whose field 1 is the repeated
/// KeyValue attributes (key = 1, value = 2: AnyValue, whose string_value is field 1).
/// </summary>
public static class OtlpResourceReader
{
    public static string? FindServiceName(ReadOnlySpan<byte> request)
    {
        foreach (var resourceData in Fields(request, 1))
        {
            foreach (var resource in Fields(resourceData.Span, 1))
            {
                foreach (var attribute in Fields(resource.Span, 1))
                {
                    var key = First(attribute.Span, 1);
                    if (key is { } k && Encoding.UTF8.GetString(k.Span) == "service.name" && First(attribute.Span, 2) is { } value && First(value.Span, 1) is { } text)
                    {
                        return Encoding.UTF8.GetString(text.Span);
                    }
                }
            }
        }

        return null;
    }

    private static ReadOnlyMemory<byte>? First(ReadOnlySpan<byte> message, int field)
    {
        var all = Fields(message, field);
        return all.Count > 0 ? all[0] : null;
    }

    /// <summary>The length-delimited occurrences of <paramref name="field"/>; other fields skipped; malformed input ends the walk.</summary>
    private static List<ReadOnlyMemory<byte>> Fields(ReadOnlySpan<byte> message, int field)
    {
        var found = new List<ReadOnlyMemory<byte>>();
        var at = 0;
        while (at < message.Length && TryVarint(message, ref at, out var tag))
        {
            var wireType = (int)(tag & 7);
            ulong length = 0;
            var ok = wireType switch
            {
                0 => TryVarint(message, ref at, out _),
                1 => Skip(message.Length, ref at, 8),
                2 => TryVarint(message, ref at, out length) && length <= (ulong)(message.Length - at),
                5 => Skip(message.Length, ref at, 4),
                _ => false, // groups (3, 4) are not used by OTLP
            };
            if (!ok)
            {
                break;
            }

            if (wireType == 2)
            {
                if ((int)(tag >> 3) == field)
                {
                    found.Add(message.Slice(at, (int)length).ToArray());
                }

                at += (int)length;
            }
        }

        return found;
    }

    private static bool Skip(int length, ref int at, int count)
    {
        at += count;
        return at <= length;
    }

    private static bool TryVarint(ReadOnlySpan<byte> data, ref int at, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && at < data.Length; shift += 7)
        {
            var b = data[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }

        return false;
    }
}
