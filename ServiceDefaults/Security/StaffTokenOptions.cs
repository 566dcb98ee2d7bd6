namespace Mash.ServiceDefaults;

/// <summary>
/// How staff's JWTs are read beyond what <c>Authentication:Schemes:Bearer</c> configures (issuer,
/// audiences, signing keys or authority: ASP.NET Core's own JWT bearer settings), from
/// <c>ServiceDefaults:Authentication</c>.
/// </summary>
public sealed class StaffTokenOptions
{
    public const string SectionName = "ServiceDefaults:Authentication";

    /// <summary>Token claims holding roles: always <c>roles</c> (Entra ID) and <c>role</c> (<c>dotnet user-jwts</c>, many OIDC providers), and this one if set.</summary>
    public string? RoleClaim { get; set; }

    /// <summary>Further sections that list agencies beside <see cref="AgencyCredentials.SectionName"/> (Intake's older <c>Intake:Agencies</c>).</summary>
    public List<string> AgencySections { get; } = [];

    internal IEnumerable<string> RoleClaims => new[] { MashClaims.Roles, "role", RoleClaim }.OfType<string>().Where(c => c.Length > 0).Distinct(StringComparer.Ordinal);
}
