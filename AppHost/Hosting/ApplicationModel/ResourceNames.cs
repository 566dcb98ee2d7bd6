using System.Text.RegularExpressions;

namespace Mash.Hosting.ApplicationModel;

/// <summary>
/// Aspire's rule for resource names. They become environment variable names
/// (<c>services__{name}__grpc__0</c>), file names under the state directory and Erlang node names,
/// so nothing but ASCII letters, digits and inner hyphens.
/// </summary>
public static partial class ResourceNames
{
    public static string Validate(string name) =>
        Pattern().IsMatch(name) ? name : throw new ArgumentException(
            $"Resource name '{name}' is invalid: use 1-64 ASCII letters, digits and hyphens, starting with a letter.", nameof(name));

    [GeneratedRegex("^[A-Za-z](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?$")]
    private static partial Regex Pattern();
}
