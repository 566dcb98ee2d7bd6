using Mash.AppHost.Tests.Support;
using Mash.Testing.Identity;

namespace Mash.AppHost.Tests.Services;

/// <summary>Who may call: the AppHost gives every service its <c>Authentication</c> configuration, staff's token settings and the agencies.</summary>
public sealed class IdentityConfigurationTests
{
    [Fact]
    public async Task Every_service_gets_the_staff_token_settings_and_the_agencies()
    {
        using var model = await PlatformModel.CreateAsync("identity");

        foreach (var name in RunningPlatform.Services)
        {
            // Obsolete for ExecutionConfigurationBuilder, but still the one call that reads what a
            // resource would be given without starting anything.
#pragma warning disable CS0618
            var environment = await model.Project(name).GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Publish);
#pragma warning restore CS0618

            Assert.Equal(TestTokens.Issuer, environment["Authentication__Schemes__Bearer__ValidIssuer"]);
            Assert.Equal(TestTokens.Audience, environment["Authentication__Schemes__Bearer__ValidAudiences__0"]);
            Assert.Equal(Convert.ToBase64String(TestTokens.SigningKey), environment["Authentication__Schemes__Bearer__SigningKeys__0__Value"]);
            // The development agencies (AppHost/appsettings.Development.json).
            Assert.Equal("police-west", environment["Authentication__Agencies__0__OrganisationId"]);
        }
    }
}
