namespace Mash.Quality.Assurance;

/// <summary>What a rule's action puts in motion: a multi-agency audit proposal, or a watch on the next quarter.</summary>
internal enum RaisedKind { Audit, Watch }
