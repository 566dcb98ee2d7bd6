using System.Reflection;
using MassTransit;

namespace Mash.Testing.Messaging;

/// <summary>A ConsumeContext that answers only what a consumer reads of a delivery: the message, its id and cancellation.</summary>
public class DeliveredContext : DispatchProxy
{
    private object? message;

    public static ConsumeContext<T> Of<T>(T message) where T : class
    {
        var context = Create<ConsumeContext<T>, DeliveredContext>();
        ((DeliveredContext)(object)context).message = message;
        return context;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
    {
        "get_Message" => message,
        "get_MessageId" => (Guid?)null,
        "get_CancellationToken" => CancellationToken.None,
        _ => throw new NotSupportedException($"{targetMethod?.Name} is not part of a test delivery."),
    };
}
