using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Validation;

/// <summary>One check of a submitted contact against the partnership's vocabulary; yields every fault it finds.</summary>
public delegate IEnumerable<Violation> ContactRule(Contact contact, Vocabulary vocabulary);

/// <summary>One check of a submitted contact against today (a birth or an incident cannot be in the future); yields every fault it finds.</summary>
public delegate IEnumerable<Violation> DatedContactRule(Contact contact, DateTimeOffset now);
