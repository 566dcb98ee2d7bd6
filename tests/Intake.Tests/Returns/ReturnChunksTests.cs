using Mash.Intake.Returns;

namespace Mash.Intake.Tests.Returns;

public sealed class ReturnChunksTests
{
    [Fact]
    public void The_first_chunk_names_the_file_and_the_chunks_make_it_up_in_order()
    {
        var content = Enumerable.Range(0, 25).Select(i => (byte)i).ToArray();

        var chunks = ReturnChunks.Of(new ReturnDocument("r.csv", "text/csv", content, 3), size: 10).ToList();

        Assert.Equal([10, 10, 5], chunks.Select(c => c.Data.Length));
        Assert.Equal(content, chunks.SelectMany(c => c.Data.ToByteArray()));
        Assert.Equal(("r.csv", "text/csv", 3), (chunks[0].FileName, chunks[0].ContentType, chunks[0].Rows));
        Assert.All(chunks.Skip(1), c => Assert.Equal("", c.FileName));
    }
}
