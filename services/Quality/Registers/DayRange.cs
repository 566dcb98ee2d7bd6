namespace Mash.Quality.Registers;

/// <summary>A listing's days: <see cref="From"/> inclusive, <see cref="To"/> exclusive, either open; and how many entries at most.</summary>
internal sealed record DayRange(DateOnly? From, DateOnly? To, int Limit);
