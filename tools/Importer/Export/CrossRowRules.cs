using Mash.Importer.Replay;

namespace Mash.Importer.Export;

/// <summary>Rules between rows and files: each returns why a row is not imported, or null.</summary>
internal static class CrossRowRules
{
    /// <summary>A legacy contact id names one contact: a second row with it would be a second contact under one request id.</summary>
    public static string? ContactIdIsUnique(string contactId, IReadOnlyDictionary<string, ContactStep> contacts) =>
        contacts.ContainsKey(contactId) ? $"contact_id: {contactId} is already on an earlier line of contacts.csv" : null;

    /// <summary>What happened to a contact needs the contact: in contacts.csv and imported (its row not refused).</summary>
    public static string? ContactIsImported(string contactId, IReadOnlyDictionary<string, ContactStep> contacts) =>
        contacts.ContainsKey(contactId) ? null : $"contact_id: {contactId} is not a contact in contacts.csv (or its row was not imported)";

    /// <summary>An answer needs its request: in information_requests.csv and imported.</summary>
    public static string? RequestIsImported(string requestId, IReadOnlyDictionary<string, InformationRequestStep> requests) =>
        requests.ContainsKey(requestId) ? null : $"request_id: {requestId} is not a request in information_requests.csv (or its row was not imported)";

    /// <summary>A request is answered once.</summary>
    public static string? AnsweredOnce(string requestId, ISet<string> answered) =>
        answered.Contains(requestId) ? $"request_id: {requestId} is already answered on an earlier line" : null;
}
