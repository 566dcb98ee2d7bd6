using System.Collections.Concurrent;
using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Mash.ServiceDefaults;

/// <summary>How an outbox row names its message's CLR type, and how rows of one type become the <see cref="EventBatch{T}"/> published.</summary>
internal static class OutboxMessageTypes
{
    private static readonly ConcurrentDictionary<string, Known> KnownTypes = new();

    private static readonly MethodInfo CreateBatchMethod = typeof(OutboxMessageTypes).GetMethod(nameof(CreateBatch), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static string NameOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    /// <summary>The events stored as <paramref name="bodies"/> (all of type <paramref name="name"/>) as one batch, and the batch's type to publish it as.</summary>
    public static (Type BatchType, object Batch) Batch(string name, IEnumerable<byte[]> bodies, IReadOnlyList<string?> traceParents)
    {
        var known = KnownTypes.GetOrAdd(name, Know);
        return (known.BatchType, known.Create([.. bodies.Select(known.Parser.ParseFrom)], traceParents));
    }

    private static Known Know(string name)
    {
        var type = Type.GetType(name, throwOnError: true)!;
        var descriptor = (MessageDescriptor)type.GetProperty("Descriptor")!.GetValue(null)!;
        var create = CreateBatchMethod.MakeGenericMethod(type).CreateDelegate<Func<IReadOnlyList<IMessage>, IReadOnlyList<string?>, object>>();
        return new Known(typeof(EventBatch<>).MakeGenericType(type), descriptor.Parser, create);
    }

    private static object CreateBatch<T>(IReadOnlyList<IMessage> events, IReadOnlyList<string?> traceParents) where T : class, IMessage =>
        new EventBatch<T>([.. events.Cast<T>()], traceParents);

    private sealed record Known(Type BatchType, MessageParser Parser, Func<IReadOnlyList<IMessage>, IReadOnlyList<string?>, object> Create);
}
