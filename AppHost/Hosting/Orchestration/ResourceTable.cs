using System.Text;

namespace Mash.Hosting.Orchestration;

/// <summary>The resources as a plain-text table for the console.</summary>
internal static class ResourceTable
{
    public static string Render(IEnumerable<ResourceSnapshot> resources)
    {
        string[] header = ["NAME", "TYPE", "STATE", "HEALTH", "PID", "ENDPOINTS"];
        var rows = resources.Select(r => new[]
        {
            r.Name, r.ResourceType, r.State, HealthText(r), r.ProcessId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
            string.Join(" ", r.Urls.Select(u => $"{u.Name}={u.Url}")),
        }).Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => rows.Max(row => row[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }

        return text.ToString().TrimEnd();
    }

    public static string HealthText(ResourceSnapshot r) =>
        r.HealthStatus?.ToString() ?? (r.HasHealthCheck ? "-" : r.State == KnownResourceStates.Running ? "Healthy" : "-");
}
