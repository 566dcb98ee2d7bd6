using Grpc.Core;
using Mash.Contracts.Outcomes.V1;
using Mash.Contracts.Quality.V1;
using Mash.Contracts.Timeliness.V1;
using Google.Protobuf.WellKnownTypes;

namespace Mash.Board.Calls;

/// <summary>The services' RPCs the page makes, each with the signed-in person's own token: the services decide what they may see.</summary>
public sealed class BoardCalls(
    AssuranceService.AssuranceServiceClient assurance,
    OutcomesService.OutcomesServiceClient outcomes,
    TimelinessService.TimelinessServiceClient timeliness)
{
    public async Task<IReadOnlyList<IndicatorDefinition>> ListIndicatorsAsync(string token, CancellationToken cancellationToken) =>
        (await assurance.ListIndicatorsAsync(new ListIndicatorsRequest(), As(token, cancellationToken))).Indicators;

    public async Task<AssuranceReport> GetAssuranceAsync(string token, DateTimeOffset asOf, ReportingPeriodKind kind, CancellationToken cancellationToken) =>
        await assurance.GetAssuranceAsync(Request(asOf, kind), As(token, cancellationToken));

    public async Task<AssuranceReport> GetExceptionReportAsync(string token, DateTimeOffset asOf, ReportingPeriodKind kind, CancellationToken cancellationToken) =>
        await assurance.GetExceptionReportAsync(Request(asOf, kind), As(token, cancellationToken));

    /// <summary>The assurance now, then again whenever the facts change it.</summary>
    public AsyncServerStreamingCall<AssuranceReport> WatchAssurance(string token, CancellationToken cancellationToken) =>
        assurance.WatchAssurance(new GetAssuranceRequest { Period = ReportingPeriodKind.Quarter }, As(token, cancellationToken));

    /// <summary>Outcomes from now on, or after the last one seen (a reconnect).</summary>
    public AsyncServerStreamingCall<Contracts.Events.V1.OutcomeRecorded> SubscribeOutcomes(string token, long? afterSequence, CancellationToken cancellationToken)
    {
        var request = new SubscribeOutcomesRequest();
        if (afterSequence is { } after)
        {
            request.AfterSequence = after;
        }
        return outcomes.SubscribeOutcomes(request, As(token, cancellationToken));
    }

    /// <summary>Breach alerts after the last one seen (0: the alert log from its start), then as they are raised.</summary>
    public AsyncServerStreamingCall<Alert> WatchAlerts(string token, long afterSequence, CancellationToken cancellationToken) =>
        timeliness.WatchAlerts(new WatchAlertsRequest { AfterSequence = afterSequence }, As(token, cancellationToken));

    private static GetAssuranceRequest Request(DateTimeOffset asOf, ReportingPeriodKind kind) => new() { AsOf = Timestamp.FromDateTimeOffset(asOf), Period = kind };

    private static CallOptions As(string token, CancellationToken cancellationToken) =>
        new(new Metadata { { "authorization", $"Bearer {token}" } }, cancellationToken: cancellationToken);
}
