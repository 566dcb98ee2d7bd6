using Mash.Outcomes.Recording;
using Mash.Outcomes.Tests.Infrastructure;

namespace Mash.Outcomes.Tests.Recording;

public sealed class CaseRefsTests
{
    private readonly CaseRefs caseRefs = new(TestJourneys.Options());

    [Fact]
    public void A_contact_always_has_the_same_case_ref() =>
        Assert.Equal(caseRefs.For("contact-1"), new CaseRefs(TestJourneys.Options()).For("contact-1"));

    [Fact]
    public void Different_contacts_have_different_case_refs() =>
        Assert.NotEqual(caseRefs.For("contact-1"), caseRefs.For("contact-2"));

    [Fact]
    public void The_case_ref_depends_on_the_key_so_it_cannot_be_recomputed_without_it() =>
        Assert.NotEqual(caseRefs.For("contact-1"), new CaseRefs(TestJourneys.Options(key: "another-deployments-key-of-32-characters")).For("contact-1"));

    [Fact]
    public void The_case_ref_is_hex_of_an_hmac_sha256_and_does_not_contain_the_contact_id()
    {
        var caseRef = caseRefs.For("contact-1");
        Assert.Matches("^[0-9a-f]{64}$", caseRef);
        Assert.DoesNotContain("contact-1", caseRef, StringComparison.Ordinal);
    }

    [Fact]
    public void The_case_ref_is_hmac_sha256_of_the_contact_id_under_the_key()
    {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        var refs = new CaseRefs(TestJourneys.Options(key: "Jefe"));
        Assert.Equal("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", refs.For("what do ya want for nothing?"));
    }
}
