using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Mash.ServiceDefaults;

/// <summary>How an outbox row names its message's CLR type, and reads the message back.</summary>
internal static class OutboxMessageTypes
{
    private static readonly ConcurrentDictionary<string, (Type Type, MessageParser Parser)> Known = new();

    public static string NameOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static (Type Type, IMessage Message) Read(string name, byte[] body)
    {
        var (type, parser) = Known.GetOrAdd(name, static name =>
        {
            var type = Type.GetType(name, throwOnError: true)!;
            var descriptor = (MessageDescriptor)type.GetProperty("Descriptor")!.GetValue(null)!;
            return (type, descriptor.Parser);
        });
        return (type, parser.ParseFrom(body));
    }
}
