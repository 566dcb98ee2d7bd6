using Mash.Contracts.Common.V1;

namespace Mash.Timeliness.Reporting;

/// <summary>Open contacts of one RAG (Unspecified: not rated yet) in one age band [AgeFrom, AgeTo) (AgeTo null: the oldest band) from one agency.</summary>
internal sealed record BacklogCount(Rag Rag, TimeSpan AgeFrom, TimeSpan? AgeTo, string AgencyId, long Open);

/// <summary>The backlog at SlotAt; TakenAt when it is a stored snapshot, null when computed from the facts.</summary>
internal sealed record BacklogSnapshot(DateTimeOffset SlotAt, DateTimeOffset? TakenAt, IReadOnlyList<BacklogCount> Counts);

/// <summary>What a series asks: the slots, optionally one RAG's or one agency's counts.</summary>
internal sealed record BacklogSeriesQuery(IReadOnlyList<DateTimeOffset> Slots, Rag Rag, string? AgencyId);
