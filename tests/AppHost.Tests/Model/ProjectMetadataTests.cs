namespace AppHost.Tests.Model;

/// <summary>How AddProject finds the assembly to launch: generated at build time from ProjectReferences.</summary>
public sealed class ProjectMetadataTests
{
    [Fact]
    public void Generated_metadata_points_at_the_built_assembly_of_this_configuration()
    {
        var fake = new Projects.FakeService();

        Assert.EndsWith("/tests/AppHost.Tests/FakeService/FakeService.csproj", fake.ProjectPath);
        Assert.True(File.Exists(fake.TargetPath), fake.TargetPath);
        Assert.EndsWith("FakeService.dll", fake.TargetPath);
        // The test run and the fake service share a configuration (Debug, or Release with -c Release).
        var configuration = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(typeof(ProjectMetadataTests).Assembly.Location)));
        Assert.Contains($"/bin/{configuration}/", fake.TargetPath);
    }

    [Fact]
    public void A_path_resolves_against_the_AppHost_directory_to_the_same_assembly()
    {
        // This test project is an AppHost too (IsMashAppHost): paths are relative to its directory.
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { StateDirectory = Path.GetTempPath() });

        var project = builder.AddProject("fake", "FakeService/../FakeService/FakeService.csproj").Resource;

        Assert.Equal(new Projects.FakeService().ProjectPath, project.Metadata.ProjectPath);
        Assert.Equal(new Projects.FakeService().TargetPath, project.Metadata.TargetPath);
    }

    [Fact]
    public void A_project_that_is_not_referenced_has_no_assembly()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { StateDirectory = Path.GetTempPath() });

        var project = builder.AddProject("nope", "../../services/Nope/Nope.csproj").Resource;

        Assert.EndsWith("/services/Nope/Nope.csproj", project.Metadata.ProjectPath);
        Assert.DoesNotContain("..", project.Metadata.ProjectPath);
        Assert.Equal("", project.Metadata.TargetPath); // fails to start, saying it is not a ProjectReference
    }
}
