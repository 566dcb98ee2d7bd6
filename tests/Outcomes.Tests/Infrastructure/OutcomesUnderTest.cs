using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Outcomes.Agencies;
using Mash.Outcomes.Consulting;
using Mash.Outcomes.Correcting;
using Mash.Outcomes.Counting;
using Mash.Outcomes.Feedback;
using Mash.Outcomes.Feed;
using Mash.Outcomes.Grpc;
using Mash.Outcomes.Journeys;
using Mash.Outcomes.Recording;
using Mash.Outcomes.Steps;
using Mash.ServiceDefaults;
using Mash.Testing.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Mash.Outcomes.Tests.Infrastructure;

/// <summary>Outcomes wired by hand over a test database, with a fixed clock and a lifetime the test can stop.</summary>
internal sealed class OutcomesUnderTest(NpgsqlDataSource dataSource, int feedCapacity = 256)
{
    public static readonly DateTimeOffset Now = new(2025, 3, 4, 10, 30, 0, TimeSpan.Zero);

    public NpgsqlDataSource DataSource => dataSource;
    public JourneyStore Journeys { get; } = new();
    public OutcomeBroadcaster Broadcaster { get; } = new(TestJourneys.Options(feedCapacity: feedCapacity));
    public TestLifetime Lifetime { get; } = new();
    public CaseRefs CaseRefs { get; } = new(TestJourneys.Options());

    public AgencyStore Agencies { get; } = new();

    public OutcomeFeedLog FeedLog => new(dataSource);

    public FeedNumbering Numbering => new(dataSource, new EventOutbox());

    /// <summary>Steps taken at <paramref name="now"/> (the fixed clock unless given).</summary>
    public StepRound Round(DateTimeOffset? now = null) =>
        new(dataSource, Journeys, new OutcomeStore(), Agencies, new FeedbackStore(), new EventOutbox(), Numbering, CaseRefs, new FixedTime(now ?? Now));

    public OutcomeRecorder Recorder => new(Round());

    /// <summary>Feedback told at <paramref name="now"/> (the fixed clock unless given).</summary>
    public FeedbackRecorder Feedback(DateTimeOffset? now = null) => new(Round(now));

    public FeedbackCounter FeedbackCounts => new(dataSource);

    public ConsultationRecorder Consultations => new(dataSource, new EventOutbox(), new FixedTime(Now));

    public OutcomeCounter OutcomeCounts => new(dataSource);

    public Moments Moments => new(new FixedTime(Now), Refusals);

    public OutcomeCorrector Corrector => new(dataSource, Journeys, new OutcomeStore(), Agencies, new EventOutbox(), Numbering, new FixedTime(Now));

    public OutcomeHistoryReader Histories => new(dataSource);

    public AuditLog Audit => new(dataSource, new FixedTime(Now));

    public Refusals Refusals => new(Audit, NullLogger<Refusals>.Instance);

    public OutcomesGrpcService Service => new(Recorder, Round(), Corrector, Histories, Feedback(), FeedbackCounts, Consultations, OutcomeCounts, Broadcaster, new OutcomeFeed(FeedLog), DefaultVocabulary.Load(), Moments, Lifetime, Audit, Refusals);

    /// <summary>Outcomes' gRPC API on a real loopback port over this database, behind its real policies.</summary>
    public Task<GrpcTestHost> StartGrpcAsync() => GrpcTestHost.StartAsync(
        builder =>
        {
            builder.Services.AddSingleton(Recorder);
            builder.Services.AddSingleton(Round());
            builder.Services.AddSingleton(Corrector);
            builder.Services.AddSingleton(Histories);
            builder.Services.AddSingleton(Feedback());
            builder.Services.AddSingleton(FeedbackCounts);
            builder.Services.AddSingleton(Moments);
            builder.Services.AddSingleton(Consultations);
            builder.Services.AddSingleton(OutcomeCounts);
            builder.Services.AddAuthorizationBuilder().AddOutcomesPolicies();
            builder.Services.AddSingleton(Broadcaster);
            builder.Services.AddSingleton(new OutcomeFeed(FeedLog));
            builder.Services.AddSingleton(DefaultVocabulary.Load());
            builder.Services.AddSingleton(Audit);
            builder.Services.AddSingleton(Refusals);
        },
        app => app.MapGrpcService<OutcomesGrpcService>());

    /// <summary>Received, rated and (unless told otherwise) decided, as the events would leave it.</summary>
    public async Task ContactAsync(string contactId, Rag rag = Rag.Red, bool decided = true)
    {
        var at = Now.UtcDateTime.AddHours(-2);
        await dataSource.InTransactionAsync(t => Journeys.RecordReceivedAsync(t, contactId, "police-west", "6", false, false, CancellationToken.None));
        await dataSource.InTransactionAsync(t => Journeys.RecordRatingAsync(t, contactId, rag, at, CancellationToken.None));
        if (decided)
        {
            await dataSource.InTransactionAsync(t => Journeys.RecordDecisionAsync(t, contactId, true, at.AddHours(1), CancellationToken.None));
        }
    }

    /// <summary>The board-facing events (OutcomeRecorded) waiting in the outbox.</summary>
    public Task<List<OutcomeRecorded>> OutboxAsync() => OutboxAsync(OutcomeRecorded.Parser);

    /// <summary>An agency answered Triage about the contact (InformationProvided), as the consumer keeps it.</summary>
    public Task ContributedAsync(string contactId, string agencyId) =>
        dataSource.InTransactionAsync(t => Agencies.RecordContributionsAsync(t, [new Contribution(contactId, agencyId, Now.UtcDateTime.AddHours(-1))], CancellationToken.None));

    /// <summary>The feedback given (FeedbackGiven) waiting in the outbox.</summary>
    public Task<List<FeedbackGiven>> FeedbackGivenAsync() => OutboxAsync(FeedbackGiven.Parser);

    /// <summary>The consultations given (ConsultationGiven) waiting in the outbox.</summary>
    public Task<List<ConsultationGiven>> ConsultationsGivenAsync() => OutboxAsync(ConsultationGiven.Parser);

    /// <summary>The corrections (OutcomeCorrected) waiting in the outbox.</summary>
    public Task<List<OutcomeCorrected>> CorrectionsAsync() => OutboxAsync(OutcomeCorrected.Parser);

    /// <summary>The internal feedback events for Intake (ContactOutcomeFedBack) waiting in the outbox.</summary>
    public Task<List<ContactOutcomeFedBack>> FedBackAsync() => OutboxAsync(ContactOutcomeFedBack.Parser);

    /// <summary>Numbers every unnumbered feed item, as the numberer does after each recording.</summary>
    public async Task NumberFeedAsync()
    {
        while (await Numbering.NumberAsync(CancellationToken.None) > 0)
        {
        }
    }

    private async Task<List<T>> OutboxAsync<T>(Google.Protobuf.MessageParser<T> parser) where T : Google.Protobuf.IMessage<T>
    {
        await NumberFeedAsync();
        // The outbox names each row's type as "Full.Name, Assembly".
        await using var command = dataSource.CreateCommand(ServiceDatabase.OutboxEventsSql + " WHERE o.message_type = $1 ORDER BY o.id, b.n");
        command.Parameters.Add(new() { Value = $"{typeof(T).FullName}, {typeof(T).Assembly.GetName().Name}" });
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<T>();
        while (await reader.ReadAsync())
        {
            events.Add(parser.ParseFrom((byte[])reader[1]));
        }
        return events;
    }

    public static Timestamp NowTimestamp => Timestamp.FromDateTimeOffset(Now);
}

/// <summary>An application lifetime whose stopping the test triggers.</summary>
internal sealed class TestLifetime : IHostApplicationLifetime
{
    private readonly CancellationTokenSource stopping = new();

    public CancellationToken ApplicationStarted => CancellationToken.None;
    public CancellationToken ApplicationStopping => stopping.Token;
    public CancellationToken ApplicationStopped => CancellationToken.None;

    public void StopApplication() => stopping.Cancel();
}
