namespace Mash.ServiceDefaults;

/// <summary>
/// An import call's steps in rounds: each step goes into the round after the last one holding a step of
/// the same record, so no round holds two steps of one record and a record's steps keep their order. A
/// round's steps are then independent of each other, and a service may take them together.
/// </summary>
public static class ImportRounds
{
    /// <summary>The rounds, in order, each the indexes of its steps in the call, in the call's order.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Of<TStep>(IReadOnlyList<TStep> steps, Func<TStep, string> recordOf)
    {
        var lastRoundOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var rounds = new List<List<int>>();
        for (var i = 0; i < steps.Count; i++)
        {
            var record = recordOf(steps[i]);
            var round = lastRoundOf.TryGetValue(record, out var last) ? last + 1 : 0;
            lastRoundOf[record] = round;
            if (round == rounds.Count)
            {
                rounds.Add([]);
            }
            rounds[round].Add(i);
        }
        return rounds;
    }
}
