namespace Mash.Quality.Audits;

/// <summary>Where a multi-agency audit is (004 Appendix 4): proposed, challenged by the audit group, approved or rejected, reported.</summary>
internal enum AuditStage { Proposed, Challenged, Approved, Rejected, Reported }
