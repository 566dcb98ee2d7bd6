using Npgsql;

namespace Mash.Quality.Registers;

/// <summary>A listing's <see cref="DayRange"/> as its first three parameters: $1 from, $2 to, $3 the limit.</summary>
internal static class DaySql
{
    public static string Within(string column) => $"($1::date IS NULL OR {column} >= $1) AND ($2::date IS NULL OR {column} < $2)";

    public static object?[] Values(DayRange days) => [days.From, days.To, days.Limit];

    /// <summary>Types the day parameters, so an open end is a typed NULL.</summary>
    public static void Type(NpgsqlCommand command) => command.Parameters[0].DataTypeName = command.Parameters[1].DataTypeName = "date";
}
