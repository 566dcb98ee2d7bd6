using Mash.Board.SignIn;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mash.Board.Tests.SignIn;

/// <summary>A pasted token is checked with the services' own Authentication:Schemes:Bearer settings, here the tests' (TestTokens).</summary>
public sealed class StaffTokenValidatorTests
{
    private static StaffTokenValidator Validator()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(TestTokens.Configuration);
        builder.AddServiceDefaults();
        var services = builder.Services.BuildServiceProvider();
        return new StaffTokenValidator(services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>());
    }

    [Fact]
    public async Task A_token_the_services_accept_is_accepted_until_it_expires()
    {
        var valid = await Validator().ValidateAsync(TestTokens.For("board-1", MashRoles.BoardMember), CancellationToken.None);

        Assert.NotNull(valid);
        Assert.Equal("board-1", valid.Value.Identity.FindFirst("sub")?.Value);
        Assert.True(valid.Value.Expires > DateTimeOffset.UtcNow);
    }

    public static TheoryData<string> Untrusted() => new()
    {
        TestTokens.BadlySigned("board-1", MashRoles.BoardMember),
        TestTokens.Expired("board-1", MashRoles.BoardMember),
        TestTokens.WrongAudience("board-1", MashRoles.BoardMember),
        TestTokens.WrongIssuer("board-1", MashRoles.BoardMember),
        "dev-police-west-7c1e4b2a9f0d46e3b5a8c3d2e1f09a6b",
        "not a token",
    };

    [Theory]
    [MemberData(nameof(Untrusted))]
    public async Task A_token_the_services_would_refuse_is_refused(string token) =>
        Assert.Null(await Validator().ValidateAsync(token, CancellationToken.None));
}
