using Grpc.Core;
using Mash.Board.Calls;

namespace Mash.Board.Tests.Formatting;

public sealed class ServiceProblemTests
{
    [Fact]
    public void An_expired_sign_in_says_to_sign_in_again() =>
        Assert.Contains("sign in again", ServiceProblem.Words("Quality", StatusCode.Unauthenticated), StringComparison.Ordinal);

    [Fact]
    public void A_service_that_is_down_is_named_and_the_reader_told_to_try_again() =>
        Assert.Equal("Quality is not answering just now. Try again in a minute.", ServiceProblem.Words("Quality", StatusCode.Unavailable));

    [Fact]
    public void A_refusal_names_the_service() =>
        Assert.Equal("Outcomes does not let your role see this.", ServiceProblem.Words("Outcomes", StatusCode.PermissionDenied));
}
