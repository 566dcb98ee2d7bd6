using Google.Protobuf.Reflection;
using Mash.Contracts.Common.V1;
using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>D6's split: contacts by pathway, keyed by the enum's proto name ("PATHWAY_CHILDREN").</summary>
internal static class ContactsByPathway
{
    private static readonly EnumDescriptor PathwayDescriptor = VocabularyReflection.Descriptor.FindTypeByName<EnumDescriptor>("Pathway");

    public static Dictionary<string, long> Compute(IEnumerable<ContactFact> contacts) =>
        contacts.Where(c => c.Pathway != Pathway.Unspecified)
            .CountBy(c => PathwayDescriptor.FindValueByNumber((int)c.Pathway)?.Name ?? ((int)c.Pathway).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => (long)g.Value);
}
