using Microsoft.Extensions.Configuration;

namespace Mash.ServiceDefaults;

public static class ConnectionStrings
{
    /// <summary>Connection string <paramref name="name"/>, or a startup error naming the environment variable to set.</summary>
    public static string GetRequiredConnectionString(this IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Connection string '{name}' is missing: set ConnectionStrings__{name} (the AppHost does this for a reference to the resource).");
}
