using System;
using System.Text;

namespace MashGrpc.Generator
{
    /// <summary>
    /// A minimal reader of the protobuf binary wire format, just enough to decode the
    /// <c>google.protobuf.FileDescriptorProto</c> that protoc embeds in its C# output.
    /// Malformed input throws <see cref="FormatException"/>.
    /// </summary>
    internal sealed class WireReader
    {
        public const int Varint = 0;
        public const int Fixed64 = 1;
        public const int LengthDelimited = 2;
        public const int StartGroup = 3;
        public const int EndGroup = 4;
        public const int Fixed32 = 5;

        private readonly byte[] _buffer;
        private readonly int _limit;
        private int _position;

        public WireReader(byte[] buffer)
            : this(buffer, 0, buffer.Length)
        {
        }

        private WireReader(byte[] buffer, int offset, int limit)
        {
            _buffer = buffer;
            _position = offset;
            _limit = limit;
        }

        public bool IsAtEnd => _position >= _limit;

        /// <summary>Reads the next field tag; false at the end of this (sub)message.</summary>
        public bool TryReadTag(out int fieldNumber, out int wireType)
        {
            if (IsAtEnd)
            {
                fieldNumber = 0;
                wireType = 0;
                return false;
            }

            var tag = ReadVarint();
            fieldNumber = (int)(tag >> 3);
            wireType = (int)(tag & 7);
            if (fieldNumber <= 0)
            {
                throw new FormatException("Invalid protobuf field number 0.");
            }

            return true;
        }

        public ulong ReadVarint()
        {
            ulong result = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                if (_position >= _limit)
                {
                    throw new FormatException("Truncated protobuf varint.");
                }

                var b = _buffer[_position++];
                result |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return result;
                }
            }

            throw new FormatException("Protobuf varint longer than 10 bytes.");
        }

        public bool ReadBool() => ReadVarint() != 0;

        public string ReadString()
        {
            var length = ReadLength();
            var text = Encoding.UTF8.GetString(_buffer, _position, length);
            _position += length;
            return text;
        }

        /// <summary>Reads a length-delimited field as a reader over just its bytes.</summary>
        public WireReader ReadMessage()
        {
            var length = ReadLength();
            var sub = new WireReader(_buffer, _position, _position + length);
            _position += length;
            return sub;
        }

        /// <summary>Skips the value of a field whose tag has just been read.</summary>
        public void SkipField(int fieldNumber, int wireType)
        {
            switch (wireType)
            {
                case Varint:
                    ReadVarint();
                    break;
                case Fixed64:
                    Advance(8);
                    break;
                case LengthDelimited:
                    Advance(ReadLength());
                    break;
                case Fixed32:
                    Advance(4);
                    break;
                case StartGroup:
                    SkipGroup(fieldNumber);
                    break;
                default:
                    throw new FormatException($"Unexpected protobuf wire type {wireType} for field {fieldNumber}.");
            }
        }

        private void SkipGroup(int groupFieldNumber)
        {
            while (TryReadTag(out var field, out var type))
            {
                if (type == EndGroup)
                {
                    if (field != groupFieldNumber)
                    {
                        throw new FormatException("Mismatched protobuf end-group tag.");
                    }

                    return;
                }

                SkipField(field, type);
            }

            throw new FormatException("Truncated protobuf group.");
        }

        private int ReadLength()
        {
            var length = ReadVarint();
            if (length > (ulong)(_limit - _position))
            {
                throw new FormatException("Protobuf length-delimited field runs past its end.");
            }

            return (int)length;
        }

        private void Advance(int count)
        {
            if (count > _limit - _position)
            {
                throw new FormatException("Truncated protobuf field.");
            }

            _position += count;
        }
    }
}
