namespace MashGrpc.Core;

/// <summary>Base of the generated typed clients.</summary>
public abstract class ClientBase(CallInvoker callInvoker)
{
    protected ClientBase(ChannelBase channel) : this(channel.CreateCallInvoker()) { }

    protected CallInvoker CallInvoker { get; } = callInvoker;
}
