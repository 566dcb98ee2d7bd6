namespace AppHost.Tests.Model;

public sealed class ResourceNameTests
{
    [Theory]
    [InlineData("intake")]
    [InlineData("intake-2")]
    [InlineData("A1")]
    public void Valid(string name) => Assert.Equal(name, ResourceNames.Validate(name));

    [Theory]
    [InlineData("")]
    [InlineData("1intake")]
    [InlineData("intake-")]
    [InlineData("in take")]
    [InlineData("in_take")]
    [InlineData("intake__grpc")]
    public void Invalid(string name) => Assert.Throws<ArgumentException>(() => ResourceNames.Validate(name));

    [Fact]
    public void Names_are_unique_regardless_of_case()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { StateDirectory = Path.GetTempPath() });
        builder.AddRedis("cache");

        Assert.Throws<DistributedApplicationException>(() => builder.AddRedis("Cache"));
    }
}
