using System.Security.Claims;
using Mash.Board.SignIn;
using Mash.ServiceDefaults;

namespace Mash.Board.Tests.SignIn;

public sealed class BoardAccessTests
{
    private static ClaimsPrincipal Holding(params string[] roles) =>
        new(new ClaimsIdentity(roles.Select(r => new Claim(MashClaims.Roles, r)), "test", MashClaims.Name, MashClaims.Roles));

    [Theory]
    [InlineData(MashRoles.BoardMember)]
    [InlineData(MashRoles.Manager)]
    public void Board_members_and_managers_may_open_the_page(string role) => Assert.True(BoardAccess.MayOpen(Holding(role)));

    [Theory]
    [InlineData(MashRoles.Practitioner)]
    [InlineData(MashRoles.QualityLead)]
    [InlineData(MashRoles.Operations)]
    [InlineData(MashRoles.Importer)]
    [InlineData(MashRoles.Agency)]
    public void Anyone_else_may_not(string role) => Assert.False(BoardAccess.MayOpen(Holding(role)));

    [Fact]
    public void Only_managers_see_breach_alerts()
    {
        Assert.True(BoardAccess.SeesBreachAlerts(Holding(MashRoles.Manager)));
        Assert.False(BoardAccess.SeesBreachAlerts(Holding(MashRoles.BoardMember)));
    }
}
