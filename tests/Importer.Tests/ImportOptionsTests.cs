namespace Mash.Importer.Tests;

public sealed class ImportOptionsTests
{
    private static string? NoEnvironment(string name) => null;

    [Fact]
    public void The_folder_and_token_are_enough_for_the_AppHosts_ports()
    {
        var (options, _) = ImportOptions.Parse(["export", "--token", "t"], NoEnvironment);

        Assert.Equal(new Uri("http://localhost:5101"), options!.Intake);
        Assert.Equal(Path.Combine("export", ".mash-import-checkpoint"), options.CheckpointPath);
    }

    [Fact]
    public void The_token_and_addresses_come_from_the_environment_too()
    {
        var (options, _) = ImportOptions.Parse(["export"], name => name switch { "MASH_IMPORT_TOKEN" => "t", "MASH_TRIAGE_URL" => "http://triage:80", _ => null });

        Assert.Equal(("t", new Uri("http://triage:80")), (options!.Token, options.Triage));
    }

    [Fact]
    public void Without_a_token_it_says_so() =>
        Assert.Contains("token", ImportOptions.Parse(["export"], NoEnvironment).Problem, StringComparison.Ordinal);

    [Fact]
    public void No_checkpoint_keeps_none() =>
        Assert.Null(ImportOptions.Parse(["export", "--token", "t", "--no-checkpoint"], NoEnvironment).Options!.CheckpointPath);

    [Fact]
    public void A_bad_address_is_refused() =>
        Assert.NotNull(ImportOptions.Parse(["export", "--token", "t", "--intake", "not a url"], NoEnvironment).Problem);

    [Fact]
    public void Children_at_once_defaults_and_can_be_set() =>
        Assert.Equal((ImportOptions.DefaultChildrenAtOnce, 8),
            (ImportOptions.Parse(["export", "--token", "t"], NoEnvironment).Options!.ChildrenAtOnce,
             ImportOptions.Parse(["export", "--token", "t", "--children-at-once", "8"], NoEnvironment).Options!.ChildrenAtOnce));

    [Theory]
    [InlineData("0")]
    [InlineData("many")]
    public void Children_at_once_must_be_a_positive_count(string value) =>
        Assert.Contains("--children-at-once", ImportOptions.Parse(["export", "--token", "t", "--children-at-once", value], NoEnvironment).Problem, StringComparison.Ordinal);
}
