using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Mash.ServiceDefaults;

/// <summary>The bearer token of a request, and which scheme it is for.</summary>
public static class BearerTokens
{
    private const string Prefix = "Bearer ";

    /// <summary>The token of the one <c>authorization</c> header, if it is <c>Bearer &lt;token&gt;</c> (the scheme in any case, RFC 7235).</summary>
    public static string? Of(HttpRequest request)
    {
        var values = request.Headers[HeaderNames.Authorization];
        if (values.Count != 1 || values[0] is not { } value || !value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var token = value[Prefix.Length..].Trim();
        return token.Length > 0 && !token.Contains(' ', StringComparison.Ordinal) ? token : null;
    }

    /// <summary>
    /// A JSON Web Token in compact form: three base64url parts joined by dots, the first a JSON header
    /// (<c>eyJ</c>, <c>{"</c> encoded). Agencies' tokens are opaque random strings without two dots.
    /// </summary>
    public static bool IsJwt(string token) =>
        token.StartsWith("eyJ", StringComparison.Ordinal) && token.Count(c => c == '.') == 2;
}
