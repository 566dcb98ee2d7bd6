using System.Security.Cryptography;
using System.Text;
using Mash.Contracts.Intake.V1;
using Microsoft.Extensions.Options;

namespace Mash.Intake.Subjects;

/// <summary>
/// Pseudonymous subject references: HMAC-SHA256 of the subject's normalised identity under the
/// deployment's secret key, as lower-case hex. Stable, so other services and boards can count
/// repeats; meaningless without the key, so no one can go from a reference back to a person.
/// </summary>
public sealed class SubjectPseudonyms(byte[] key)
{
    public SubjectPseudonyms(IOptions<PseudonymOptions> options) : this(Encoding.UTF8.GetBytes(options.Value.PseudonymKey))
    {
    }

    /// <summary>One reference per subject, in the contact's order.</summary>
    public IReadOnlyList<string> RefsFor(Contact contact, Guid contactId) =>
        [.. contact.Subjects.Select((subject, index) => RefFor(subject, contactId, index))];

    /// <summary>A subject nothing identifies gets a reference of its own, so it is never taken for someone else.</summary>
    public string RefFor(Subject subject, Guid contactId, int index) =>
        Hash(SubjectIdentity.Of(subject) ?? $"unidentified:{contactId:N}:{index}");

    private string Hash(string identity) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(identity)));
}
