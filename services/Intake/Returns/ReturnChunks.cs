using Google.Protobuf;
using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Returns;

/// <summary>A file as ExportReturn streams it: the first chunk names it, each carries at most a chunk's bytes.</summary>
public static class ReturnChunks
{
    /// <summary>Well under gRPC's default 4 MB message limit, and small enough to stream steadily.</summary>
    public const int Size = 64 * 1024;

    public static IEnumerable<ReturnChunk> Of(ReturnDocument document, int size = Size)
    {
        yield return new ReturnChunk
        {
            FileName = document.FileName,
            ContentType = document.ContentType,
            Rows = document.Rows,
            Data = ByteString.CopyFrom(document.Content, 0, Math.Min(size, document.Content.Length)),
        };
        for (var offset = size; offset < document.Content.Length; offset += size)
        {
            yield return new ReturnChunk { Data = ByteString.CopyFrom(document.Content, offset, Math.Min(size, document.Content.Length - offset)) };
        }
    }
}
