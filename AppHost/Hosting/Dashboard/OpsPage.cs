using System.Globalization;
using System.Text;
using static System.Net.WebUtility;

namespace Mash.Hosting.Dashboard;

/// <summary>One server-rendered page that reloads itself: every resource, then its recent console output.</summary>
internal static class OpsPage
{
    private const string Style = """
        body { font: 14px system-ui, sans-serif; margin: 1.5em; color: #222 }
        table { border-collapse: collapse } td, th { padding: .3em .8em; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top }
        .Running { color: #176f2c } .FailedToStart, .Exited, .RuntimeUnhealthy, .Unhealthy { color: #b00020 } .Waiting, .Starting, .Stopping { color: #8a6d00 }
        pre { background: #f6f6f6; padding: .6em; max-height: 22em; overflow: auto; font-size: 12px }
        """;

    public static string Render(IReadOnlyList<ResourceView> resources)
    {
        var html = new StringBuilder($"""
            <!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="3">
            <title>MASH AppHost</title><style>{Style}</style></head><body>
            <h1>MASH AppHost</h1>
            <table><tr><th>Name</th><th>Type</th><th>State</th><th>Health</th><th>Endpoints</th><th>Restarts</th><th>PID</th><th>Telemetry (OTLP requests)</th></tr>
            """);
        foreach (var r in resources)
        {
            html.Append(CultureInfo.InvariantCulture, $"""
                <tr><td><a href="#{r.Name}">{HtmlEncode(r.Name)}</a></td><td>{r.Type}</td>
                <td class="{r.State}">{r.State}{(r.Message is null ? "" : $"<br><small>{HtmlEncode(r.Message)}</small>")}</td>
                <td class="{r.Health}">{r.Health ?? "-"}</td><td>{string.Join("<br>", r.Endpoints.Select(e => $"{e.Name}: {HtmlEncode(e.Url)}"))}</td>
                <td>{r.RestartCount}</td><td>{r.Pid?.ToString(CultureInfo.InvariantCulture) ?? "-"}</td>
                <td>{string.Join(", ", r.Telemetry.Select(t => $"{t.Key} {t.Value.Requests} ({t.Value.Bytes:N0} B)"))}</td></tr>
                """);
        }

        html.Append("</table>");
        foreach (var r in resources.Where(r => r.Logs.Count > 0))
        {
            html.Append(CultureInfo.InvariantCulture, $"""<h2 id="{r.Name}">{HtmlEncode(r.Name)}</h2><pre>{HtmlEncode(string.Join('\n', r.Logs))}</pre>""");
        }

        return html.Append("</body></html>").ToString();
    }
}
