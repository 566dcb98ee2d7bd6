using Microsoft.Extensions.Configuration;

namespace Mash.ServiceDefaults.Tests.Security;

public sealed class AgencyCredentialsTests
{
    private const string PoliceToken = "a-long-random-police-token-0123456789abcdef";
    private const string SchoolToken = "a-long-random-school-token-fedcba9876543210";

    private static AgencyCredentials Configured(params (string Key, string Value)[] settings) =>
        AgencyCredentials.Read(new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build(), ["Intake:Agencies"]);

    private static AgencyCredentials TwoAgencies() => Configured(
        ("Authentication:Agencies:0:OrganisationId", "police-west"), ("Authentication:Agencies:0:TokenSha256", AgencyCredentials.HashOf(PoliceToken)),
        ("Intake:Agencies:0:OrganisationId", "st-marys-school"), ("Intake:Agencies:0:TokenSha256", AgencyCredentials.HashOf(SchoolToken).ToUpperInvariant()));

    [Fact]
    public void A_token_is_held_as_the_lower_case_hex_SHA_256_of_its_UTF_8_bytes()
    {
        // SHA-256("abc"), FIPS 180-2 appendix B.1.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", AgencyCredentials.HashOf("abc"));
    }

    [Fact]
    public void Each_configured_token_authenticates_its_own_agency()
    {
        var credentials = TwoAgencies();

        Assert.Equal("police-west", credentials.Authenticate(PoliceToken));
        Assert.Equal("st-marys-school", credentials.Authenticate(SchoolToken));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a-long-random-police-token-0123456789abcde")]
    [InlineData("A-LONG-RANDOM-POLICE-TOKEN-0123456789ABCDEF")]
    public void Any_other_token_authenticates_nobody(string token)
    {
        Assert.Null(TwoAgencies().Authenticate(token));
    }

    [Fact]
    public void Each_configured_agency_from_either_section_is_one_of_the_partnerships()
    {
        var credentials = TwoAgencies();

        Assert.True(credentials.HasAgency("police-west"));
        Assert.True(credentials.HasAgency("st-marys-school"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("health-north")]
    [InlineData("Police-West")]
    [InlineData("police-west ")]
    public void No_other_id_is_an_agency_of_the_partnership(string organisationId)
    {
        Assert.False(TwoAgencies().HasAgency(organisationId));
    }

    [Fact]
    public void The_configured_hash_is_not_itself_a_token()
    {
        Assert.Null(TwoAgencies().Authenticate(AgencyCredentials.HashOf(PoliceToken)));
    }

    [Fact]
    public void With_nothing_configured_no_token_authenticates()
    {
        var credentials = Configured();

        Assert.Equal(0, credentials.Count);
        Assert.Null(credentials.Authenticate(PoliceToken));
    }

    [Theory]
    [InlineData("police-west", "not-hex")]
    [InlineData("police-west", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015")]
    [InlineData("", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    public void A_malformed_agency_stops_the_service_at_start(string organisationId, string tokenSha256)
    {
        Assert.Throws<InvalidOperationException>(() => Configured(
            ("Intake:Agencies:0:OrganisationId", organisationId), ("Intake:Agencies:0:TokenSha256", tokenSha256)));
    }

    [Fact]
    public void Two_agencies_with_one_token_stop_the_service_at_start()
    {
        var hash = AgencyCredentials.HashOf(PoliceToken);

        Assert.Throws<InvalidOperationException>(() => Configured(
            ("Intake:Agencies:0:OrganisationId", "police-west"), ("Intake:Agencies:0:TokenSha256", hash),
            ("Intake:Agencies:1:OrganisationId", "st-marys-school"), ("Intake:Agencies:1:TokenSha256", hash)));
    }

    [Fact]
    public void The_same_agency_in_the_platforms_section_and_an_older_one_is_one_agency()
    {
        var hash = AgencyCredentials.HashOf(PoliceToken);

        var credentials = Configured(
            ("Authentication:Agencies:0:OrganisationId", "police-west"), ("Authentication:Agencies:0:TokenSha256", hash),
            ("Intake:Agencies:0:OrganisationId", "police-west"), ("Intake:Agencies:0:TokenSha256", hash));

        Assert.Equal(1, credentials.Count);
        Assert.Equal("police-west", credentials.Authenticate(PoliceToken));
    }
}
