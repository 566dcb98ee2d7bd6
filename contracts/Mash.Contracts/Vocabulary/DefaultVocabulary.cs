using Google.Protobuf;

namespace Mash.Contracts.Common.V1;

/// <summary>
/// The vocabulary shipped with the platform (DfE CIN census referral sources, presenting issues and
/// outcomes from the seed frameworks). A partnership overrides it with its own JSON of the same shape.
/// </summary>
public static class DefaultVocabulary
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    public static Vocabulary Load()
    {
        using var stream = typeof(DefaultVocabulary).Assembly.GetManifestResourceStream("Mash.Contracts.default-vocabulary.json")
            ?? throw new InvalidOperationException("The default vocabulary is not embedded.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Reads a vocabulary in protobuf JSON (the shape of default-vocabulary.json).</summary>
    public static Vocabulary Parse(string json) => Parser.Parse<Vocabulary>(json);

    public static bool HasCode(this IEnumerable<Term> terms, string code) => terms.Any(t => t.Code == code);
}
