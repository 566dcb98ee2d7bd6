namespace MashGrpc.Generator.Tests;

/// <summary>The hand-written protobuf wire reader and FileDescriptorProto decoder.</summary>
public class WireReaderTests
{
    [Fact]
    public void Skips_unknown_fields_of_every_wire_type()
    {
        var bytes = new Wire()
            .Varint(10, 300)          // wire type 0
            .Fixed64(11, 0x0102030405060708)  // wire type 1
            .Bytes(12, [1, 2, 3, 4, 5])       // wire type 2
            .Fixed32(13, 0xDEADBEEF)  // wire type 5
            .Group(14, new Wire().Varint(1, 7).Bytes(2, [9, 9]))  // wire types 3 and 4
            .String(1, "kept")
            .ToArray();

        var reader = new WireReader(bytes);
        var seen = new List<int>();
        string? kept = null;
        while (reader.TryReadTag(out var field, out var wireType))
        {
            seen.Add(field);
            if (field == 1)
            {
                kept = reader.ReadString();
            }
            else
            {
                reader.SkipField(field, wireType);
            }
        }

        Assert.Equal([10, 11, 12, 13, 14, 1], seen);
        Assert.Equal("kept", kept);
    }

    [Fact]
    public void Truncated_input_throws_FormatException()
    {
        var reader = new WireReader([0x0A, 0x05, 0x61]); // field 1, length 5, only 1 byte
        Assert.True(reader.TryReadTag(out _, out _));
        Assert.Throws<FormatException>(() => reader.ReadString());
    }

    [Fact]
    public void Decoder_reads_the_needed_fields_and_skips_everything_else()
    {
        var method = new Wire()
            .String(1, "Chat")
            .String(2, ".p.Req")
            .Bytes(4, [0x08, 0x01])   // options: skipped
            .String(3, ".p.Resp")
            .Varint(5, 1)
            .Varint(6, 1);
        var service = new Wire().String(1, "Svc").Message(2, method).Fixed32(99, 1);
        var inner = new Wire().String(1, "Inner").Message(2, new Wire().String(1, "field"));
        var message = new Wire().Message(2, new Wire().String(1, "x")).String(1, "Outer").Message(3, inner);
        var options = new Wire().String(1, "java.pkg").String(37, "My.Ns").Varint(9, 1);
        var file = new Wire()
            .String(1, "f.proto")
            .String(2, "p")
            .String(3, "dep.proto")
            .Message(4, message)
            .Message(5, new Wire().String(1, "SomeEnum"))  // enum_type: skipped
            .Message(6, service)
            .Message(8, options)
            .String(12, "proto3")
            .Fixed64(1000, 42)
            .ToArray();

        var decoded = FileDescriptorDecoder.Decode(file);

        Assert.Equal("f.proto", decoded.Name);
        Assert.Equal("p", decoded.Package);
        Assert.Equal(["dep.proto"], decoded.Dependencies);
        Assert.Equal(["Outer", "Outer.Inner"], decoded.MessageTypes);
        Assert.Equal("My.Ns", decoded.CsharpNamespace);
        var svc = Assert.Single(decoded.Services);
        Assert.Equal("Svc", svc.Name);
        Assert.Equal(new ProtoMethod("Chat", ".p.Req", ".p.Resp", true, true), Assert.Single(svc.Methods));
    }

    /// <summary>A tiny protobuf writer for building test inputs.</summary>
    private sealed class Wire
    {
        private readonly List<byte> _bytes = [];

        public Wire Varint(int field, ulong value) => Tag(field, 0).Raw(value);

        public Wire Fixed64(int field, ulong value) => Tag(field, 1).Bytes(BitConverter.GetBytes(value));

        public Wire Bytes(int field, byte[] value) => Tag(field, 2).Raw((ulong)value.Length).Bytes(value);

        public Wire String(int field, string value) => Bytes(field, System.Text.Encoding.UTF8.GetBytes(value));

        public Wire Message(int field, Wire value) => Bytes(field, value.ToArray());

        public Wire Fixed32(int field, uint value) => Tag(field, 5).Bytes(BitConverter.GetBytes(value));

        public Wire Group(int field, Wire body) => Tag(field, 3).Bytes(body.ToArray()).Tag(field, 4);

        public byte[] ToArray() => [.. _bytes];

        private Wire Tag(int field, int wireType) => Raw(((ulong)field << 3) | (uint)wireType);

        private Wire Bytes(byte[] value)
        {
            _bytes.AddRange(value);
            return this;
        }

        private Wire Raw(ulong value)
        {
            while (value >= 0x80)
            {
                _bytes.Add((byte)(value | 0x80));
                value >>= 7;
            }

            _bytes.Add((byte)value);
            return this;
        }
    }
}
