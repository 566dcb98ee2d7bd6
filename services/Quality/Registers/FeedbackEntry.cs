namespace Mash.Quality.Registers;

/// <summary>Q4: a complaint or compliment (<see cref="FeedbackKinds"/>) about an agency.</summary>
internal sealed record FeedbackEntry(string Kind, string AgencyId, DateOnly ReceivedOn, string Summary);
