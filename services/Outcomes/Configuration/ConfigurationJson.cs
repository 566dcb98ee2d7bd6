using System.Globalization;
using System.Text.Json.Nodes;

namespace Mash.Outcomes.Configuration;

/// <summary>A configuration section back as JSON, so protobuf's JSON parser can read it.</summary>
internal static class ConfigurationJson
{
    /// <summary>
    /// Configuration flattens JSON: an array's items become children "0", "1", … and every value a
    /// string. Protobuf JSON reads numbers given as strings, so only arrays need rebuilding.
    /// </summary>
    public static JsonNode Of(IConfigurationSection section)
    {
        var children = section.GetChildren().ToList();
        if (children.Count == 0)
        {
            return JsonValue.Create(section.Value ?? "");
        }
        if (IsList(children))
        {
            return new JsonArray([.. children.OrderBy(c => Index(c.Key)).Select(Of)]);
        }
        return new JsonObject(children.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)Of(c))));
    }

    // Keys 0 … n-1 exactly: anything else (a map whose keys happen to be numbers) stays an object.
    private static bool IsList(List<IConfigurationSection> children) =>
        children.Select(c => Index(c.Key)).Order().SequenceEqual(Enumerable.Range(0, children.Count));

    private static int Index(string key) =>
        int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1;
}
