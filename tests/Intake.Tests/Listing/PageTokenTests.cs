using Mash.Intake.Listing;

namespace Mash.Intake.Tests.Listing;

public sealed class PageTokenTests
{
    [Fact]
    public void A_token_reads_back_as_written()
    {
        var token = new PageToken(new DateTimeOffset(2025, 6, 2, 9, 30, 0, TimeSpan.Zero).AddTicks(1234560), Guid.CreateVersion7());

        Assert.True(PageToken.TryDecode(token.Encode(), out var read));

        Assert.Equal(token, read);
    }
}
