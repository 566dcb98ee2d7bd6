using System.Text.Json.Nodes;
using Mash.AppHost.Identity;
using Microsoft.Extensions.Configuration;

namespace Mash.AppHost.Tests.Identity;

/// <summary>The development signing key: made only when Development has neither a provider nor a key, and kept where <c>dotnet user-jwts</c> looks.</summary>
public sealed class StaffIdentityTests
{
    private static IConfiguration Configured(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();

    [Fact]
    public void Development_with_nothing_configured_gets_a_key_as_dotnet_user_jwts_makes_one()
    {
        var key = StaffIdentity.DevelopmentKeyFor(Configured(), isDevelopment: true);

        Assert.NotNull(key);
        Assert.Equal(StaffIdentity.UserJwtsIssuer, key["Issuer"]);
        Assert.Equal(32, Convert.FromBase64String(key["Value"]!).Length);
    }

    [Theory]
    [InlineData("Authentication:Schemes:Bearer:Authority", "https://login.microsoftonline.com/tenant/v2.0")]
    [InlineData("Authentication:Schemes:Bearer:MetadataAddress", "https://idp.example/.well-known/openid-configuration")]
    [InlineData("Authentication:Schemes:Bearer:SigningKeys:0:Value", "AAAA")]
    public void A_provider_or_a_key_already_configured_is_left_alone(string setting, string value)
    {
        Assert.Null(StaffIdentity.DevelopmentKeyFor(Configured((setting, value)), isDevelopment: true));
    }

    [Fact]
    public void Outside_development_no_key_is_made()
    {
        Assert.Null(StaffIdentity.DevelopmentKeyFor(Configured(), isDevelopment: false));
    }

    [Fact]
    public void The_key_joins_the_user_secrets_file_keeping_what_it_held()
    {
        var directory = Directory.CreateTempSubdirectory("mash-user-secrets-");
        try
        {
            var path = Path.Combine(directory.FullName, "secrets.json");
            File.WriteAllText(path, """{"AppHost:OtlpApiKey":"kept"}""");
            var key = StaffIdentity.DevelopmentKeyFor(Configured(), isDevelopment: true)!;

            StaffIdentity.Save(path, key);

            var read = new ConfigurationBuilder().AddJsonFile(path).Build();
            Assert.Equal("kept", read["AppHost:OtlpApiKey"]);
            Assert.Equal(key["Value"], read["Authentication:Schemes:Bearer:SigningKeys:0:Value"]);
            Assert.Equal(StaffIdentity.UserJwtsIssuer, read["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"]);
            Assert.IsType<JsonArray>(JsonNode.Parse(File.ReadAllText(path))!["Authentication:Schemes:Bearer:SigningKeys"]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
