using Google.Protobuf;
using MassTransit;
using MassTransit.Configuration;

namespace Mash.ServiceDefaults;

/// <summary>
/// MassTransit publishes a message to an exchange for its own type and one for each interface
/// it implements; protoc's classes implement Google.Protobuf's IMessage, IMessage&lt;T&gt;,
/// IBufferMessage and IDeepCloneable&lt;T&gt;, so every event would also fan out through exchanges
/// like <c>Google.Protobuf:IMessage</c> that nobody should bind to. This excludes those
/// interfaces from the broker topology as each first appears (the generic ones cannot be named
/// in advance), as <c>[ExcludeFromTopology]</c> would if the types were ours to annotate.
/// </summary>
internal sealed class ProtobufPublishTopology : IPublishTopologyConfigurationObserver
{
    public void MessageTopologyCreated<T>(IMessagePublishTopologyConfigurator<T> configurator) where T : class
    {
        if (typeof(T).IsInterface && typeof(T).Assembly == typeof(IMessage).Assembly)
        {
            configurator.Exclude = true;
        }
    }
}
