using Google.Protobuf;

namespace MashGrpc.Core;

public static class Marshallers
{
    /// <summary>A marshaller for a protobuf message type, used by the generated stubs.</summary>
    public static Marshaller<T> Create<T>(MessageParser<T> parser) where T : IMessage<T> =>
        new(static message => message.CalculateSize(),
            static (message, destination) => message.WriteTo(destination),
            parser.ParseFrom);
}
