using System.Security.Claims;
using System.Security.Cryptography;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mash.Testing.Identity;

/// <summary>
/// Staff tokens the tests sign themselves, as the council's identity provider would: a test host
/// configured with <see cref="Configuration"/> (the same <c>Authentication:Schemes:Bearer</c>
/// settings a deployment gives) accepts <see cref="For"/>'s tokens. Roles travel in <c>roles</c>,
/// as Entra ID sends them.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "mash-tests";
    public const string Audience = "mash-platform";

    /// <summary>The signing key the tests' hosts trust (random per test run).</summary>
    public static readonly byte[] SigningKey = RandomNumberGenerator.GetBytes(32);

    /// <summary>A key no host trusts, for badly signed tokens.</summary>
    private static readonly byte[] OtherKey = RandomNumberGenerator.GetBytes(32);

    /// <summary>The configuration under which a service accepts these tokens (ASP.NET Core's own JWT bearer settings).</summary>
    public static IReadOnlyDictionary<string, string?> Configuration { get; } = ConfigurationFor(SigningKey);

    /// <summary>The same settings as environment variables, for a service run as a process (the AppHost's form).</summary>
    public static IReadOnlyDictionary<string, string> EnvironmentVariables { get; } =
        Configuration.ToDictionary(e => e.Key.Replace(":", "__", StringComparison.Ordinal), e => e.Value!);

    public static IReadOnlyDictionary<string, string?> ConfigurationFor(byte[] signingKey) => new Dictionary<string, string?>
    {
        ["Authentication:Schemes:Bearer:ValidIssuer"] = Issuer,
        ["Authentication:Schemes:Bearer:ValidAudiences:0"] = Audience,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = Issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = Convert.ToBase64String(signingKey),
    };

    /// <summary>A valid token for a member of staff holding <paramref name="roles"/>, for an hour.</summary>
    public static string For(string subject, params string[] roles) => Create(subject, roles);

    /// <summary>A token with every part a test may vary.</summary>
    public static string Create(
        string subject, IEnumerable<string> roles, string? name = null, string issuer = Issuer, string audience = Audience,
        byte[]? signingKey = null, DateTime? notBefore = null, DateTime? expires = null, string roleClaim = "roles",
        IReadOnlyDictionary<string, string>? claims = null)
    {
        var now = DateTime.UtcNow;
        var all = new List<Claim> { new("sub", subject), new("name", name ?? $"Test {subject}") };
        all.AddRange(roles.Select(role => new Claim(roleClaim, role)));
        all.AddRange((claims ?? new Dictionary<string, string>()).Select(c => new Claim(c.Key, c.Value)));
        var starts = notBefore ?? now.AddMinutes(-1);
        var ends = expires ?? now.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(all),
            NotBefore = starts,
            IssuedAt = starts < ends ? starts : ends.AddMinutes(-1),
            Expires = ends,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(signingKey ?? SigningKey), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>Expired an hour ago (beyond any clock skew).</summary>
    public static string Expired(string subject, params string[] roles) =>
        Create(subject, roles, notBefore: DateTime.UtcNow.AddHours(-3), expires: DateTime.UtcNow.AddHours(-1));

    /// <summary>Signed with a key the hosts do not trust.</summary>
    public static string BadlySigned(string subject, params string[] roles) => Create(subject, roles, signingKey: OtherKey);

    /// <summary>For another service's audience.</summary>
    public static string WrongAudience(string subject, params string[] roles) => Create(subject, roles, audience: "someone-else");

    /// <summary>From an issuer the hosts do not trust (signed with the trusted key).</summary>
    public static string WrongIssuer(string subject, params string[] roles) => Create(subject, roles, issuer: "somewhere-else");

    /// <summary>Call metadata carrying a bearer token, as every client sends it.</summary>
    public static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };

    /// <summary>Call options carrying a bearer token.</summary>
    public static CallOptions Options(string token, CancellationToken cancellationToken = default) => new(Bearer(token), cancellationToken: cancellationToken);
}
