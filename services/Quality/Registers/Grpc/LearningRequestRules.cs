using Mash.Contracts.Quality.V1;
using static Google.Rpc.BadRequest.Types;
using static Mash.Quality.Registers.Grpc.RegisterFields;

namespace Mash.Quality.Registers.Grpc;

/// <summary>What AddLearning and UpdateLearningAction must say, one rule per field; every broken rule is reported at once.</summary>
internal static class LearningRequestRules
{
    public static IReadOnlyList<FieldViolation> Check(AddLearningRequest request, RegisterVocabulary vocabulary) =>
    [
        .. All(
            RequestId(request.RequestId),
            Code("source_type", request.SourceType, vocabulary.LearningSources),
            Required("source", request.Source, Short),
            Day("identified_on", request.IdentifiedOn),
            Required("lesson", request.Lesson, Long),
            HasActions(request)),
        .. request.Actions.SelectMany((a, i) => Check(a, $"actions[{i}]")),
    ];

    /// <summary>Calderdale's pathway turns every lesson into action; a lesson with none is not yet learned.</summary>
    public static FieldViolation? HasActions(AddLearningRequest request) =>
        request.Actions.Count > 0 ? null : Violation("actions", "at least one action: what must be done, by whom, by when");

    public static IReadOnlyList<FieldViolation> Check(NewLearningAction action, string at) => All(
        Required($"{at}.action", action.Action, Long),
        Required($"{at}.owner", action.Owner, Short),
        Day($"{at}.target_on", action.TargetOn),
        Optional($"{at}.implementation", action.Implementation, Long));

    public static IReadOnlyList<FieldViolation> Check(UpdateLearningActionRequest request) => All(
        Guid.TryParse(request.ActionId, out _) ? null : Violation("action_id", "required: the id of a learning action"),
        Optional("evidence", request.Evidence, Long),
        Optional("impact", request.Impact, Long),
        OptionalDay("completed_on", request.CompletedOn));
}
