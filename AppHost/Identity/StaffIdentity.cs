using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.UserSecrets;
using Microsoft.Extensions.Hosting;

namespace Mash.AppHost.Identity;

/// <summary>
/// Who may call the services, as the AppHost's own configuration says (section <c>Authentication</c>:
/// staff's JWT settings under <c>Schemes:Bearer</c>, agencies under <c>Agencies</c>), given to every
/// service. In Development, staff tokens come from <c>dotnet user-jwts create --project AppHost</c>:
/// it signs with a key in the AppHost's user secrets, which this reads like any configuration.
/// </summary>
public static class StaffIdentity
{
    public const string SectionName = "Authentication";
    private const string BearerSection = "Authentication:Schemes:Bearer";
    private const string SigningKeysKey = BearerSection + ":SigningKeys";

    /// <summary>The issuer <c>dotnet user-jwts</c> signs as, and names its key by.</summary>
    public const string UserJwtsIssuer = "dotnet-user-jwts";

    /// <summary>
    /// In Development, with neither an identity provider (<c>Authority</c>, <c>MetadataAddress</c>)
    /// nor a signing key configured, makes the key <c>dotnet user-jwts</c> would make and keeps it
    /// in the AppHost's user secrets, where that tool finds it: so the platform accepts the tokens
    /// the tool issues whether it ran before the AppHost started or after.
    /// </summary>
    public static void EnsureDevelopmentSigningKey(this IDistributedApplicationBuilder builder)
    {
        if (DevelopmentKeyFor(builder.Configuration, builder.Environment.IsDevelopment()) is not { } key)
        {
            return;
        }
        if (builder.AppHostAssembly?.GetCustomAttributes(typeof(UserSecretsIdAttribute), false).OfType<UserSecretsIdAttribute>().FirstOrDefault() is { } secrets)
        {
            Save(PathHelper.GetSecretsPathFromSecretsId(secrets.UserSecretsId), key);
        }
        builder.Configuration.AddInMemoryCollection(key.ToDictionary(k => $"{SigningKeysKey}:0:{k.Key}", k => k.Value));
    }

    /// <summary>A new signing key as <c>dotnet user-jwts</c> makes one, when Development needs one: no provider and no key configured.</summary>
    internal static Dictionary<string, string?>? DevelopmentKeyFor(IConfiguration configuration, bool isDevelopment)
    {
        var bearer = configuration.GetSection(BearerSection);
        if (!isDevelopment || bearer["Authority"] is { Length: > 0 } || bearer["MetadataAddress"] is { Length: > 0 }
            || bearer.GetSection("SigningKeys").GetChildren().Any())
        {
            return null;
        }
        return new Dictionary<string, string?>
        {
            ["Id"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)),
            ["Issuer"] = UserJwtsIssuer,
            ["Value"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Length"] = "32",
        };
    }

    /// <summary>The <c>Authentication</c> section as environment variables (<c>Authentication__Schemes__Bearer__ValidIssuer</c>, …).</summary>
    public static IEnumerable<KeyValuePair<string, string>> EnvironmentOf(IConfiguration configuration) =>
        configuration.GetSection(SectionName).AsEnumerable()
            .Where(setting => setting.Value is not null)
            .Select(setting => KeyValuePair.Create(setting.Key.Replace(":", "__", StringComparison.Ordinal), setting.Value!));

    /// <summary>Into a user secrets file as <c>dotnet user-jwts</c> keeps it: one flat key holding the array of signing keys; the file's other secrets stay.</summary>
    internal static void Save(string path, Dictionary<string, string?> key)
    {
        var secrets = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? [] : [];
        secrets[SigningKeysKey] = new JsonArray(new JsonObject
        {
            ["Id"] = key["Id"],
            ["Issuer"] = key["Issuer"],
            ["Value"] = key["Value"],
            ["Length"] = 32,
        });
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, secrets.ToJsonString());
    }
}
