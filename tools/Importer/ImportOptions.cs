namespace Mash.Importer;

/// <summary>
/// What an import needs: the export's folder, where the services are, the importer's token and where
/// to keep the checkpoint. Each option falls back to an environment variable, then to the AppHost's
/// fixed development ports (README.md, "Running it").
/// </summary>
internal sealed record ImportOptions(string Folder, Uri Intake, Uri Triage, Uri Outcomes, string Token, string? CheckpointPath, TimeSpan Patience, int ChildrenAtOnce = ImportOptions.DefaultChildrenAtOnce)
{
    /// <summary>
    /// Enough children that their steps travel many to a call and their events many to a batch, while
    /// each child waits for the platform between its steps; twice as many kept more of the services
    /// waiting on Intake's connections and were slower (BENCHMARKS.md, "Steps taken set-based").
    /// </summary>
    public const int DefaultChildrenAtOnce = 4096;

    /// <summary>Children at once at most: each holds its history and its steps in flight.</summary>
    public const int MostChildrenAtOnce = 8192;

    /// <summary>How long a step waits for the platform to catch up before it is reported.</summary>
    public const int DefaultPatienceSeconds = 120;

    public static readonly string Usage = $"""
        mash-import <folder> [--intake URL] [--triage URL] [--outcomes URL] [--token TOKEN] [--checkpoint FILE | --no-checkpoint] [--patience SECONDS] [--children-at-once N]
          <folder>      the export: contacts.csv, ratings.csv, decisions.csv, information_requests.csv, information_responses.csv, outcomes.csv
          --intake      Intake's gRPC address    (MASH_INTAKE_URL,   default http://localhost:5101)
          --triage      Triage's gRPC address    (MASH_TRIAGE_URL,   default http://localhost:5102)
          --outcomes    Outcomes' gRPC address   (MASH_OUTCOMES_URL, default http://localhost:5104)
          --token       a staff JWT with the roles Mash.Importer and Mash.Practitioner (MASH_IMPORT_TOKEN)
          --checkpoint  where the run records its progress (default <folder>/.mash-import-checkpoint)
          --patience    how long a step waits for the platform to catch up before it is reported (default {DefaultPatienceSeconds})
          --children-at-once  how many children's histories replay at the same time (default {DefaultChildrenAtOnce}); each child's in time order
        """;

    /// <summary>The options, or why they cannot be read.</summary>
    public static (ImportOptions? Options, string? Problem) Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        var positional = new List<string>();
        var noCheckpoint = false;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--no-checkpoint")
            {
                noCheckpoint = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Count)
                {
                    return (null, $"{args[i]} needs a value");
                }
                named[args[i][2..]] = args[++i];
            }
            else
            {
                positional.Add(args[i]);
            }
        }
        if (positional.Count != 1)
        {
            return (null, "give the export's folder, once");
        }
        var token = named.GetValueOrDefault("token") ?? environment("MASH_IMPORT_TOKEN");
        if (string.IsNullOrWhiteSpace(token))
        {
            return (null, "no token: --token or MASH_IMPORT_TOKEN, a staff JWT with the roles Mash.Importer and Mash.Practitioner");
        }
        Uri? Address(string name, string variable, string fallback) =>
            Uri.TryCreate(named.GetValueOrDefault(name) ?? environment(variable) ?? fallback, UriKind.Absolute, out var uri) ? uri : null;
        var intake = Address("intake", "MASH_INTAKE_URL", "http://localhost:5101");
        var triage = Address("triage", "MASH_TRIAGE_URL", "http://localhost:5102");
        var outcomes = Address("outcomes", "MASH_OUTCOMES_URL", "http://localhost:5104");
        if (intake is null || triage is null || outcomes is null)
        {
            return (null, "--intake, --triage and --outcomes must be absolute URLs (http://host:port)");
        }
        if (!int.TryParse(named.GetValueOrDefault("patience") ?? $"{DefaultPatienceSeconds}", out var patience) || patience < 1)
        {
            return (null, "--patience must be a whole number of seconds, at least 1");
        }
        if (!int.TryParse(named.GetValueOrDefault("children-at-once") ?? $"{DefaultChildrenAtOnce}", out var childrenAtOnce) || childrenAtOnce is < 1 or > MostChildrenAtOnce)
        {
            return (null, $"--children-at-once must be a whole number from 1 to {MostChildrenAtOnce}");
        }
        var folder = positional[0];
        var checkpoint = noCheckpoint ? null : named.GetValueOrDefault("checkpoint") ?? Path.Combine(folder, ".mash-import-checkpoint");
        return (new ImportOptions(folder, intake, triage, outcomes, token, checkpoint, TimeSpan.FromSeconds(patience), childrenAtOnce), null);
    }
}
