using Mash.Testing.Messaging;
using System.Reflection;
using Mash.Contracts.Events.V1;
using Mash.Outcomes.Consumers;
using Mash.Outcomes.Journeys;
using Mash.Outcomes.Tests.Infrastructure;
using MassTransit;
using Npgsql;

namespace Mash.Outcomes.Tests.Consumers;

/// <summary>A contact is a repeat (O3) when Intake found earlier contacts about its subjects: ContactReceived.repeats_contact_ids.</summary>
[Collection(OutcomesDatabaseCollection.Name)]
public sealed class ContactReceivedConsumerTests(OutcomesDatabase database)
{
    private readonly JourneyStore journeys = new();

    [Fact]
    public async Task A_contact_repeating_earlier_contacts_is_a_repeat()
    {
        var dataSource = await database.CreateDatabaseAsync();

        await ConsumeAsync(dataSource, Received("c1", repeats: ["0197f0a2-0000-7000-8000-00000000000a"]));

        Assert.True((await FindAsync(dataSource, "c1"))!.IsRepeat);
    }

    [Fact]
    public async Task A_contact_repeating_nothing_is_not_a_repeat()
    {
        var dataSource = await database.CreateDatabaseAsync();

        await ConsumeAsync(dataSource, Received("c1", repeats: []));

        Assert.False((await FindAsync(dataSource, "c1"))!.IsRepeat);
    }

    private static ContactReceived Received(string contactId, string[] repeats) => new()
    {
        EventId = Guid.NewGuid().ToString(),
        ContactId = contactId,
        AgencyId = "police-west",
        ReferralSource = "6",
        RepeatsContactIds = { repeats },
    };

    private Task ConsumeAsync(NpgsqlDataSource dataSource, ContactReceived message) =>
        new ContactReceivedConsumer(dataSource, journeys).Consume(DeliveredContext.Of(message));

    private Task<Journey?> FindAsync(NpgsqlDataSource dataSource, string contactId) =>
        dataSource.InTransactionAsync(t => journeys.FindForUpdateAsync(t, contactId, CancellationToken.None));
}
