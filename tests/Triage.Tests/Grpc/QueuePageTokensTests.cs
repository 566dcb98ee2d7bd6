using Mash.Contracts.Common.V1;
using Mash.Contracts.Triage.V1;
using Mash.Triage.Grpc;
using Mash.Triage.Queue;

namespace Mash.Triage.Tests.Grpc;

public class QueuePageTokensTests
{
    private static readonly DateTimeOffset AsOf = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly QueuePosition After = new(AsOf.AddHours(3), "c-42|odd");

    private static ListQueueRequest Request() => new() { Rags = { Rag.Red }, AgencyIds = { "police-west" }, PageSize = 20 };

    [Fact]
    public void A_token_gives_back_its_position_and_instant()
    {
        var token = QueuePageTokens.Encode(After, AsOf, Request());

        Assert.Equal((After, AsOf), QueuePageTokens.Decode(token, Request()));
    }

    [Fact]
    public void A_token_serves_another_page_size() =>
        Assert.NotNull(QueuePageTokens.Decode(QueuePageTokens.Encode(After, AsOf, Request()), new ListQueueRequest(Request()) { PageSize = 50 }));

    [Fact]
    public void A_token_does_not_serve_other_filters() =>
        Assert.Null(QueuePageTokens.Decode(QueuePageTokens.Encode(After, AsOf, Request()), new ListQueueRequest(Request()) { DueSoon = true }));

    [Theory]
    [InlineData("not base64!")]
    [InlineData("MXwy")]
    public void A_made_up_token_is_no_token(string token) => Assert.Null(QueuePageTokens.Decode(token, Request()));
}
