namespace Mash.ServiceDefaults;

/// <summary>The claims the platform reads from a caller's principal, in the token's own names (inbound claim mapping is off).</summary>
public static class MashClaims
{
    /// <summary>The role claim every principal carries its roles in (Entra ID's app roles); other configured role claims are copied into it.</summary>
    public const string Roles = "roles";

    /// <summary>The caller's stable id: Entra ID's object id when present, else the subject.</summary>
    public const string ObjectId = "oid";

    public const string Subject = "sub";

    /// <summary>The caller's display name.</summary>
    public const string Name = "name";

    /// <summary>The organisation id of the agency whose token a frontline app presented.</summary>
    public const string AgencyId = "mash_agency";
}
