using Mash.Contracts.Quality.V1;
using static Google.Rpc.BadRequest.Types;
using static Mash.Quality.Registers.Grpc.RegisterFields;

namespace Mash.Quality.Registers.Grpc;

/// <summary>What a register's listing must say; every broken rule is reported at once.</summary>
internal static class ListRequestRules
{
    public static IReadOnlyList<FieldViolation> Check(ListRegisterRequest request) => All(
        OptionalDay("from", request.From),
        OptionalDay("to", request.To),
        FromBeforeTo(request.From, request.To),
        PageSize(request.PageSize));

    /// <summary>The days and page a valid listing asks for.</summary>
    public static DayRange RangeOf(CalendarDay? from, CalendarDay? to, int pageSize) =>
        new(Days.Of(from), Days.Of(to), ServiceDefaults.PageSizes.Of(pageSize, DefaultPage));
}
