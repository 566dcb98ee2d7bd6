using System.Text.Json.Nodes;

namespace Mash.Intake.Vocabularies;

/// <summary>
/// A configuration section back as JSON text, so protobuf's JSON parser can read it. Configuration
/// flattens JSON to keys (<c>Vocabulary:contactTypes:0:code</c>); this rebuilds it: children keyed
/// 0, 1, 2, ... become an array. A section whose value is itself JSON text (an environment
/// variable holding the whole vocabulary) is taken as it is.
/// </summary>
internal static class ConfigurationJson
{
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
            return new JsonArray([.. children.OrderBy(c => int.Parse(c.Key, System.Globalization.CultureInfo.InvariantCulture)).Select(Node)]);
        }
        return new JsonObject(children.Select(c => KeyValuePair.Create(c.Key, Node(c))));
    }

    private static bool IsList(List<IConfigurationSection> children) =>
        children.Select(c => int.TryParse(c.Key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : -1)
            .Order().SequenceEqual(Enumerable.Range(0, children.Count));
}
