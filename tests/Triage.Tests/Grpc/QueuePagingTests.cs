using Mash.Triage.Grpc;
using Mash.Triage.Queue;

namespace Mash.Triage.Tests.Grpc;

public class QueuePagingTests
{
    private static readonly QueueOptions Options = new() { DefaultPageSize = 50, MaxPageSize = 500 };

    [Fact]
    public void No_page_size_gives_the_default() => Assert.Equal(50, QueuePaging.PageSize(0, Options));

    [Fact]
    public void A_page_size_within_the_maximum_is_kept() => Assert.Equal(120, QueuePaging.PageSize(120, Options));


    [Theory]
    [InlineData(50, 500, true)]
    [InlineData(500, 500, true)]
    [InlineData(0, 500, false)]
    [InlineData(501, 500, false)]
    [InlineData(50, 10_000, true)]
    [InlineData(50, 10_001, false)]
    public void Queue_options_need_a_positive_default_within_a_maximum_of_at_most_ten_thousand(int defaultPageSize, int maxPageSize, bool usable) =>
        Assert.Equal(usable, new QueueOptions { DefaultPageSize = defaultPageSize, MaxPageSize = maxPageSize }.IsUsable);
}
