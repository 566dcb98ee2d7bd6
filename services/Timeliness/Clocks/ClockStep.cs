namespace Mash.Timeliness.Clocks;

/// <summary>A clock after one more fact, and whether that fact is the one that stopped it (then, and only then, DecisionTimed is published).</summary>
internal sealed record ClockStep(ClockRecord Clock, bool Stopped);
