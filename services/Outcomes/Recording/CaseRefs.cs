using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Mash.Outcomes.Recording;

/// <summary>
/// A contact's pseudonymous case reference: a keyed hash of its id, the same every time for a
/// board, and useless to anyone without the key (a plain hash of a guessable id would not be).
/// </summary>
internal sealed class CaseRefs(IOptions<OutcomesOptions> options)
{
    private readonly byte[] key = Encoding.UTF8.GetBytes(options.Value.PseudonymKey);

    public string For(string contactId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(contactId)));
}
