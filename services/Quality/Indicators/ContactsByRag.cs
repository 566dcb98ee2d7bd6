using Google.Protobuf.Reflection;
using Mash.Contracts.Common.V1;
using Mash.Quality.Facts;

namespace Mash.Quality.Indicators;

/// <summary>R1: contacts by their current RAG rating, keyed by the enum's proto name ("RAG_RED"), which every client can read.</summary>
internal static class ContactsByRag
{
    public static Dictionary<string, long> Compute(IEnumerable<RatingFact> ratings) =>
        ratings.Where(r => r.Rag != Rag.Unspecified)
            .GroupBy(r => NameOf(r.Rag))
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Count));

    private static readonly EnumDescriptor RagDescriptor = VocabularyReflection.Descriptor.FindTypeByName<EnumDescriptor>("Rag");

    // The C# enum member is "Red"; the proto name is what JSON, grpc-js and the RAG labels use.
    internal static string NameOf(Rag rag) =>
        RagDescriptor.FindValueByNumber((int)rag)?.Name ?? ((int)rag).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
