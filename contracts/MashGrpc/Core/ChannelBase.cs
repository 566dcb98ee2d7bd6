namespace MashGrpc.Core;

/// <summary>A connection to a server, from which clients get their call invoker.</summary>
public abstract class ChannelBase(string target)
{
    public string Target { get; } = target;
    public abstract CallInvoker CreateCallInvoker();
}
