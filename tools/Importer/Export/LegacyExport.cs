using Mash.Importer.Csv;
using Mash.Importer.Replay;

namespace Mash.Importer.Export;

/// <summary>
/// A legacy export read from its folder (README.md): every step to replay, in time order, and every
/// row left out with its file, line and reason. A missing file is an empty one (an export without
/// information sharing, say); contacts.csv is required.
/// </summary>
internal sealed record LegacyExport(IReadOnlyList<ImportStep> Steps, IReadOnlyList<RowProblem> Problems)
{
    public static LegacyExport ReadFolder(string folder)
    {
        if (!File.Exists(Path.Combine(folder, ContactRows.File)))
        {
            throw new FileNotFoundException($"{folder} has no {ContactRows.File}: an export needs its contacts.", Path.Combine(folder, ContactRows.File));
        }
        return Read(file => File.Exists(Path.Combine(folder, file)) ? File.OpenText(Path.Combine(folder, file)) : null);
    }

    /// <param name="open">Opens a file of the export by name; null when it is absent.</param>
    public static LegacyExport Read(Func<string, TextReader?> open)
    {
        var problems = new List<RowProblem>();
        IReadOnlyList<CsvRow> Rows(string file)
        {
            using var reader = open(file);
            return reader is null ? [] : CsvFile.Parse(file, reader);
        }
        IEnumerable<T> Good<T>(string file, Func<CsvRow, Parsed<T>> parse) where T : class
        {
            foreach (var parsed in Rows(file).Select(parse))
            {
                if (parsed.Problem is { } problem)
                {
                    problems.Add(problem);
                }
                else
                {
                    yield return parsed.Record!;
                }
            }
        }
        bool Passes(ImportStep step, string? problem)
        {
            if (problem is not null)
            {
                problems.Add(new RowProblem(step.File, step.Line, problem));
            }
            return problem is null;
        }

        var contacts = new Dictionary<string, ContactStep>(StringComparer.Ordinal);
        foreach (var contact in Good<ContactStep>(ContactRows.File, ContactRows.Parse).ToList())
        {
            if (Passes(contact, CrossRowRules.ContactIdIsUnique(contact.ContactId, contacts)))
            {
                contacts[contact.ContactId] = contact;
            }
        }
        var steps = new List<ImportStep>(contacts.Values);
        steps.AddRange(Good<RatingStep>(RatingRows.File, RatingRows.Parse).ToList().Where(s => Passes(s, CrossRowRules.ContactIsImported(s.ContactId, contacts))));
        steps.AddRange(Good<DecisionStep>(DecisionRows.File, DecisionRows.Parse).ToList().Where(s => Passes(s, CrossRowRules.ContactIsImported(s.ContactId, contacts))));
        var requests = new Dictionary<string, InformationRequestStep>(StringComparer.Ordinal);
        foreach (var request in Good<InformationRequestStep>(InformationRequestRows.File, InformationRequestRows.Parse).ToList())
        {
            if (Passes(request, CrossRowRules.ContactIsImported(request.ContactId, contacts)) && Passes(request, requests.ContainsKey(request.RequestId) ? $"request_id: {request.RequestId} is already on an earlier line" : null))
            {
                requests[request.RequestId] = request;
            }
        }
        steps.AddRange(requests.Values);
        var answered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var response in Good<InformationResponseStep>(InformationResponseRows.File, InformationResponseRows.Parse).ToList())
        {
            if (Passes(response, CrossRowRules.RequestIsImported(response.RequestId, requests)) && Passes(response, CrossRowRules.AnsweredOnce(response.RequestId, answered)))
            {
                answered.Add(response.RequestId);
                steps.Add(response with { ContactId = requests[response.RequestId].ContactId });
            }
        }
        foreach (var row in Good<OutcomeRow>(OutcomeRows.File, OutcomeRows.Parse).ToList())
        {
            if (Passes(row.Outcome, CrossRowRules.ContactIsImported(row.Outcome.ContactId, contacts)))
            {
                steps.Add(row.Outcome);
                if (row.FedBackAt is { } fedBackAt)
                {
                    var agency = row.FeedbackAgencyId.Length > 0 ? row.FeedbackAgencyId : contacts[row.Outcome.ContactId].Contact.AgencyId;
                    steps.Add(new FeedbackStep(row.Outcome.File, row.Outcome.Line, fedBackAt, row.Outcome.ContactId, agency));
                }
            }
        }
        return new LegacyExport(InTimeOrder(steps), problems);
    }

    /// <summary>By time, then what comes first at one instant, then where each was read: the same export always replays the same way.</summary>
    public static IReadOnlyList<ImportStep> InTimeOrder(IEnumerable<ImportStep> steps) =>
        [.. steps.OrderBy(s => s.At).ThenBy(s => s.Rank).ThenBy(s => s.File, StringComparer.Ordinal).ThenBy(s => s.Line)];
}
