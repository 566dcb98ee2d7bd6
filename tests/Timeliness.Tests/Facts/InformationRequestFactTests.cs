using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Events.V1;
using Mash.Timeliness.Facts;
using static Mash.Timeliness.Tests.Infrastructure.Instants;

namespace Mash.Timeliness.Tests.Facts;

/// <summary>What Triage's information events tell T2, and the events no retry mends (refused, to rest in the _error queue).</summary>
public class InformationRequestFactTests
{
    private static readonly Timestamp Asked = Timestamp.FromDateTimeOffset(Bst(2025, 6, 10, 9));
    private static readonly Timestamp Answered = Timestamp.FromDateTimeOffset(Bst(2025, 6, 10, 14));

    [Fact]
    public void An_answer_alone_tells_who_was_asked_when_and_when_they_answered() =>
        Assert.Equal(
            new InformationRequestFact("r-1", "c-1", "health-north", Bst(2025, 6, 10, 9), Bst(2025, 6, 10, 14)),
            InformationRequestFact.From(new InformationProvided { EventId = "e-1", RequestId = "r-1", ContactId = "c-1", AgencyId = "health-north", RequestedAt = Asked, OccurredAt = Answered }));

    [Fact]
    public void A_request_is_not_answered() =>
        Assert.Null(InformationRequestFact.From(new InformationRequested { EventId = "e-1", RequestId = "r-1", ContactId = "c-1", AgencyId = "health-north", OccurredAt = Asked }).ProvidedAt);

    [Fact]
    public void An_answer_without_its_request_s_time_is_refused() =>
        Assert.Throws<InvalidOperationException>(() =>
            InformationRequestFact.From(new InformationProvided { EventId = "e-1", RequestId = "r-1", AgencyId = "health-north", OccurredAt = Answered }));

    [Fact]
    public void An_event_without_a_request_id_is_refused() =>
        Assert.Throws<InvalidOperationException>(() =>
            InformationRequestFact.From(new InformationRequested { EventId = "e-1", AgencyId = "health-north", OccurredAt = Asked }));

    [Fact]
    public void A_request_without_when_it_was_made_is_refused() =>
        Assert.Throws<InvalidOperationException>(() =>
            InformationRequestFact.From(new InformationRequested { EventId = "e-1", RequestId = "r-1", AgencyId = "health-north" }));
}
