using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Mash.ServiceDefaults;

/// <summary>
/// One schema change: SQL run once, in a transaction, in <see cref="Version"/> order. Applied
/// migrations are never edited: a change is a new migration (an edit is logged as a warning,
/// because <c>schema_migrations</c> keeps each script's checksum).
/// </summary>
/// <param name="Version">Orders the migrations and identifies this one in <c>schema_migrations</c>; positive and unique.</param>
/// <param name="Name">What it does, for people (<c>create_contacts</c>).</param>
/// <param name="Sql">One or more statements. It runs in a transaction, so nothing that refuses one (<c>CREATE INDEX CONCURRENTLY</c>).</param>
public sealed partial record Migration(long Version, string Name, string Sql)
{
    /// <summary>SHA-256 of the script, hex: what <c>schema_migrations.checksum</c> holds.</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));

    /// <summary>
    /// Every embedded resource of <paramref name="assembly"/> whose name ends in
    /// <c>NNNN_name.sql</c> (after the last dot of its folders), e.g. <c>Intake.Migrations.0001_create_contacts.sql</c>
    /// is version 1, "create_contacts".
    /// </summary>
    public static IReadOnlyList<Migration> FromEmbeddedResources(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourceName().Match(resource);
            if (!match.Success)
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            migrations.Add(new Migration(
                long.Parse(match.Groups["version"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                reader.ReadToEnd()));
        }
        return [.. migrations.OrderBy(m => m.Version)];
    }

    // MSBuild keeps a resource's file name as written (only folder names are made identifiers).
    [GeneratedRegex(@"(?:^|\.)(?<version>\d+)_(?<name>[^.]+)\.sql$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ResourceName();
}

/// <summary>The service's migrations, checked and ordered.</summary>
internal sealed class MigrationSet
{
    private MigrationSet(IReadOnlyList<Migration> migrations) => Migrations = migrations;

    public IReadOnlyList<Migration> Migrations { get; }

    public static MigrationSet Create(IEnumerable<Migration> migrations)
    {
        var ordered = migrations.OrderBy(m => m.Version).ToList();
        foreach (var migration in ordered)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(migration.Version, nameof(Migration.Version));
            ArgumentException.ThrowIfNullOrWhiteSpace(migration.Sql, nameof(Migration.Sql));
        }
        var duplicate = ordered.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two migrations have version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}.", nameof(migrations));
        }
        return new MigrationSet(ordered);
    }
}
