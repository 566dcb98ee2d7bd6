using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Mash.ServiceDefaults;

/// <summary>
/// New GUIDs as <see cref="Guid.NewGuid"/> (version 4) and <see cref="Guid.CreateVersion7(DateTimeOffset)"/>
/// make them, from the same secure random source, but taken from a buffer each thread refills
/// 4 KB at a time. On Linux each of .NET's own reads /dev/urandom, a system call per GUID: about a
/// tenth of Intake's CPU under a bulk import, which takes two a contact (BENCHMARKS.md).
/// </summary>
public static class NewGuids
{
    private const int BufferSize = 4096;

    [ThreadStatic]
    private static byte[]? buffer;

    [ThreadStatic]
    private static int used;

    /// <summary>A random GUID (version 4).</summary>
    public static Guid Random()
    {
        Span<byte> bytes = stackalloc byte[16];
        Fill(bytes);
        return Stamped(bytes, version: 4);
    }

    /// <summary>A GUID ordered by <paramref name="at"/>'s millisecond (version 7), random after it.</summary>
    public static Guid OrderedBy(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        // The Unix time in milliseconds, big-endian, in the first 48 bits; random bytes after them.
        BinaryPrimitives.WriteInt64BigEndian(bytes, at.ToUnixTimeMilliseconds() << 16);
        Fill(bytes[6..]);
        return Stamped(bytes, version: 7);
    }

    /// <summary>Sets the version and RFC 9562's variant, and reads the bytes in the order the GUID is written.</summary>
    private static Guid Stamped(Span<byte> bytes, int version)
    {
        bytes[6] = (byte)((bytes[6] & 0x0F) | (version << 4));
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private static void Fill(Span<byte> into)
    {
        if (buffer is null || used + into.Length > BufferSize)
        {
            buffer ??= new byte[BufferSize];
            RandomNumberGenerator.Fill(buffer);
            used = 0;
        }
        // Each byte is handed out once.
        buffer.AsSpan(used, into.Length).CopyTo(into);
        used += into.Length;
    }
}
