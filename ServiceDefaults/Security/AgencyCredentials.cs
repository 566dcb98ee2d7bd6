using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Mash.ServiceDefaults;

/// <summary>
/// The agencies whose frontline apps may call, and the SHA-256 of each one's bearer token, from
/// <c>Authentication:Agencies:&lt;n&gt;:OrganisationId</c> and <c>…:TokenSha256</c> (64 hex digits),
/// and from any older section a service still reads (Intake's <c>Intake:Agencies</c>). Only hashes
/// are held: tokens are long random secrets, so a plain SHA-256 is enough (no salt or stretching is
/// needed against guessing), and a copy of the configuration does not let anyone call.
/// </summary>
public sealed class AgencyCredentials
{
    /// <summary>Where the platform's agencies are configured.</summary>
    public const string SectionName = "Authentication:Agencies";

    private readonly (byte[] TokenSha256, string OrganisationId)[] credentials;
    private readonly HashSet<string> organisationIds;

    public AgencyCredentials(IEnumerable<(string OrganisationId, string TokenSha256)> agencies)
    {
        var list = new List<(byte[], string)>();
        foreach (var (organisationId, tokenSha256) in agencies)
        {
            if (string.IsNullOrWhiteSpace(organisationId))
            {
                throw new InvalidOperationException($"{SectionName}: every agency needs an OrganisationId.");
            }
            if (tokenSha256 is not { Length: 64 } || !tokenSha256.All(char.IsAsciiHexDigit))
            {
                throw new InvalidOperationException($"{SectionName}: the TokenSha256 of '{organisationId}' must be the SHA-256 of its token as 64 hex digits.");
            }
            var hash = Convert.FromHexString(tokenSha256);
            var id = organisationId.Trim();
            var holder = list.FirstOrDefault(c => c.Item1.AsSpan().SequenceEqual(hash));
            if (holder.Item2 == id)
            {
                continue;   // the same agency in two sections (Intake:Agencies and Authentication:Agencies)
            }
            if (holder.Item2 is not null)
            {
                throw new InvalidOperationException($"{SectionName}: the TokenSha256 of '{organisationId}' is also another agency's; every agency needs its own token.");
            }
            list.Add((hash, id));
        }
        credentials = [.. list];
        organisationIds = [.. list.Select(c => c.Item2)];
    }

    /// <summary>Read once at start, so a malformed entry stops the service instead of refusing calls.</summary>
    public static AgencyCredentials Read(IConfiguration configuration, IEnumerable<string> sections) => new(
        sections.Prepend(SectionName).Distinct(StringComparer.OrdinalIgnoreCase)
            .SelectMany(section => configuration.GetSection(section).GetChildren())
            .Select(agency => (agency["OrganisationId"] ?? "", agency["TokenSha256"] ?? "")));

    public int Count => credentials.Length;

    /// <summary>Whether <paramref name="organisationId"/> is one of the partnership's agencies (exactly as configured).</summary>
    public bool HasAgency(string organisationId) => organisationIds.Contains(organisationId);

    /// <summary>The SHA-256 of a token as configuration holds it: lower-case hex (<c>printf %s "$TOKEN" | sha256sum</c>).</summary>
    public static string HashOf(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLower(CultureInfo.InvariantCulture);

    /// <summary>
    /// The organisation id of the agency whose token this is, or null. Every configured hash is
    /// compared, in constant time and without stopping at a match, so the time taken says nothing
    /// about the token or which agency it is.
    /// </summary>
    public string? Authenticate(string token)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(token), hash);
        string? found = null;
        foreach (var (tokenSha256, organisationId) in credentials)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, tokenSha256))
            {
                found = organisationId;
            }
        }
        return found;
    }
}
