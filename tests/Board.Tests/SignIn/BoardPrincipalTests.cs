using System.Security.Claims;
using Mash.Board.SignIn;
using Mash.ServiceDefaults;

namespace Mash.Board.Tests.SignIn;

public sealed class BoardPrincipalTests
{
    [Fact]
    public void Roles_in_dotnet_user_jwts_role_claim_count_as_roles()
    {
        var validated = new ClaimsIdentity([new Claim("sub", "board-1"), new Claim("role", MashRoles.BoardMember)]);

        var user = BoardPrincipal.From(validated, "the-token");

        Assert.True(user.IsInRole(MashRoles.BoardMember));
        Assert.True(BoardAccess.MayOpen(user));
    }

    [Fact]
    public void The_person_is_named_by_their_token_and_the_token_is_kept_to_call_the_services_with()
    {
        var validated = new ClaimsIdentity([new Claim("oid", "object-1"), new Claim("sub", "board-1"), new Claim("name", "Alex Chair"), new Claim("roles", MashRoles.Manager)]);

        var user = BoardPrincipal.From(validated, "the-token");

        Assert.Equal("Alex Chair", user.Identity?.Name);
        Assert.Equal("object-1", user.FindFirst(MashClaims.Subject)?.Value);
        Assert.Equal("the-token", StaffToken.Of(user));
    }
}
