namespace Mash.Timeliness.Alerts;

/// <summary>
/// Alerts read from the log, and <paramref name="Through"/>: the sequence the reader has looked
/// through (past alerts the filter left out too), where the next read starts. <paramref name="More"/>:
/// the page was full, so more may follow at once.
/// </summary>
internal sealed record AlertPage(IReadOnlyList<RaisedAlert> Alerts, long Through, bool More);
