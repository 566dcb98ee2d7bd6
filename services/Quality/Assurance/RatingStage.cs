namespace Mash.Quality.Assurance;

/// <summary>Calderdale's human step (004 §4.1.2): the lead officer proposes the assurance parameter; the performance sub-group agrees it.</summary>
internal enum RatingStage { Proposed, Agreed }
