using Mash.Contracts.Common.V1;

namespace Mash.Timeliness.Clocks;

/// <summary>RAG in the database as its name ('Red', 'Amber', 'Green'), readable in a report query; NULL is not rated.</summary>
internal static class RagColumn
{
    public static string? Name(Rag rag) => rag == Rag.Unspecified ? null : rag.ToString();

    public static Rag FromColumn(object value) => value is string name ? Enum.Parse<Rag>(name) : Rag.Unspecified;
}
