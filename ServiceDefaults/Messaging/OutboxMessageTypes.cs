using System.Collections.Concurrent;

namespace Mash.ServiceDefaults;

/// <summary>How an outbox row names its message's CLR type, and how rows of one type become the <see cref="EventBatch{T}"/> published.</summary>
internal static class OutboxMessageTypes
{
    private static readonly ConcurrentDictionary<string, Type> BatchTypes = new();

    public static string NameOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    /// <summary>
    /// The events stored as <paramref name="rows"/>' bodies (all of type <paramref name="name"/>) as one
    /// batch, each row's events together, and the batch's type to publish it as.
    /// </summary>
    public static (Type BatchType, object Batch) Batch(string name, IReadOnlyList<byte[][]> rows, IReadOnlyList<string?> traceParents)
    {
        var batchType = BatchTypes.GetOrAdd(name, n => typeof(EventBatch<>).MakeGenericType(Type.GetType(n, throwOnError: true)!));
        return (batchType, Activator.CreateInstance(batchType, (IReadOnlyList<byte[]>)[.. rows.SelectMany(row => row)], traceParents,
            (IReadOnlyList<int>)[.. rows.Select(row => row.Length)])!);
    }
}
