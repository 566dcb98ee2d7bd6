namespace Mash.Hosting;

/// <summary>The AppHost cannot do what the model asks (a dependency failed, a stack is in use, a binary is missing).</summary>
public sealed class DistributedApplicationException(string message, Exception? inner = null) : Exception(message, inner);
