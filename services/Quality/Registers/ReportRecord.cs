namespace Mash.Quality.Registers;

/// <summary>Q8: a report in the rolling schedule (Calderdale App 2): when and to whom it is due, its lead, when they are asked and reminded, and its progress.</summary>
internal sealed record ReportRecord(
    Guid Id, string Report, DateOnly DueOn, string DueTo, string Lead, string Rationale, string BusinessPlanLink,
    DateOnly? RequestOn, DateOnly? ReminderOn, string Progress = "", string Comment = "", DateOnly? DeliveredOn = null);
