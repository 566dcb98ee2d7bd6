using Grpc.Core;
using Mash.Board.Calls;
using Mash.Board.Periods;
using Mash.Board.SignIn;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Mash.Board.Components;

/// <summary>What every board page does: call the services as the signed-in person, and say plainly when one cannot answer.</summary>
public abstract class BoardPage : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    [Inject]
    protected BoardCalls Calls { get; set; } = default!;

    [Inject]
    protected BoardYear BoardYear { get; set; } = default!;

    // A string, not an int: a bad ?year= is ignored (YearChoice), never an error page.
    [SupplyParameterFromQuery(Name = "year")]
    private string? YearAsked { get; set; }

    /// <summary>The financial year the address asks for (<c>?year=2025</c>), within those offered; the default year otherwise.</summary>
    protected FinancialYear Year => BoardYear.Chosen(YearAsked);

    /// <summary>Why the page has no figures, in words for the reader; null when it has them.</summary>
    protected string? Problem { get; private set; }

    /// <summary>The call's answer, or default with <see cref="Problem"/> said.</summary>
    protected async Task<T?> AskAsync<T>(string service, Func<string, Task<T>> call)
    {
        var user = Authentication is null ? null : (await Authentication).User;
        if (user is null || StaffToken.Of(user) is not { } token)
        {
            Problem = "You are not signed in.";
            return default;
        }
        try
        {
            return await call(token);
        }
        catch (RpcException e)
        {
            Problem = ServiceProblem.Words(service, e.StatusCode);
            return default;
        }
    }
}
