using System.Globalization;
using Google.Protobuf.Reflection;
using Mash.Contracts.Common.V1;
using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>D6's split: contacts by pathway, keyed by the enum's proto name ("PATHWAY_CHILDREN"), as R1's RAG.</summary>
internal static class ContactsByPathway
{
    private static readonly EnumDescriptor PathwayDescriptor = VocabularyReflection.Descriptor.FindTypeByName<EnumDescriptor>("Pathway");

    public static Dictionary<string, long> Compute(IEnumerable<ContactFact> contacts) =>
        Counts.By(contacts.Where(c => c.Pathway != Pathway.Unspecified), c => NameOf(c.Pathway), c => c.Count);

    /// <summary>The value D6 is judged on: the period's contacts on one pathway (the children's, as shipped).</summary>
    public static long Count(IEnumerable<ContactFact> contacts, Pathway pathway) => Counts.Of(contacts.Where(c => c.Pathway == pathway), c => c.Count);

    private static string NameOf(Pathway pathway) =>
        PathwayDescriptor.FindValueByNumber((int)pathway)?.Name ?? ((int)pathway).ToString(CultureInfo.InvariantCulture);
}
