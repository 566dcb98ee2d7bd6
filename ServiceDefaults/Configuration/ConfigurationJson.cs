using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace Mash.ServiceDefaults;

/// <summary>
/// A configuration section back as JSON text, so protobuf's JSON parser can read it. Configuration
/// flattens JSON to keys (<c>Vocabulary:contactTypes:0:code</c>) and every value to a string;
/// protobuf JSON reads numbers given as strings, so only arrays need rebuilding: children keyed
/// 0, 1, 2, … become an array. A section whose value is itself JSON text (an environment variable
/// holding the whole document) is taken as it is.
/// </summary>
public static class ConfigurationJson
{
    /// <summary>The section as JSON text, or null when it is absent or empty.</summary>
    public static string? Of(IConfigurationSection section) =>
        section.Value is { Length: > 0 } text ? text
        : section.GetChildren().Any() ? Node(section)?.ToJsonString()
        : null;

    private static JsonNode? Node(IConfigurationSection section)
    {
        var children = section.GetChildren().ToList();
        if (children.Count == 0)
        {
            return section.Value is null ? null : JsonValue.Create(section.Value);
        }
        if (IsList(children))
        {
            return new JsonArray([.. children.OrderBy(c => Index(c.Key)).Select(Node)]);
        }
        return new JsonObject(children.Select(c => KeyValuePair.Create(c.Key, Node(c))));
    }

    // Keys 0 … n-1 exactly: anything else (a map whose keys happen to be numbers) stays an object.
    private static bool IsList(List<IConfigurationSection> children) =>
        children.Select(c => Index(c.Key)).Order().SequenceEqual(Enumerable.Range(0, children.Count));

    private static int Index(string key) =>
        int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1;
}
