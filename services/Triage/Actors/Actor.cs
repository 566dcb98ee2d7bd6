namespace Mash.Triage.Actors;

/// <summary>
/// Who is acting, as the gRPC adapter established it from the call's credentials: the domain is
/// given it and never reads it from a request. An importer may give past times (point 7); an
/// agency's credentials carry its organisation id, by which it answers the requests asked of it; a
/// manager may release a colleague's claim.
/// </summary>
internal sealed record Actor(string Id, bool IsImporter = false, string? AgencyId = null, bool IsManager = false);
