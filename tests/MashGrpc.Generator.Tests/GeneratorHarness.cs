using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MashGrpc.Generator.Tests;

/// <summary>Runs <see cref="ServiceGenerator"/> over an in-memory compilation of protoc output and test sources.</summary>
internal static class GeneratorHarness
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> DefaultReferences = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => path.Length > 0);
        return platform
            .Append(typeof(Google.Protobuf.IMessage).Assembly.Location)
            .Distinct()
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    });

    /// <summary>protoc's C# output for a test proto, copied next to the test assembly by the build.</summary>
    public static string Protoc(string fileName)
        => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "protoc", fileName));

    public static SyntaxTree Tree(string text, string path) => CSharpSyntaxTree.ParseText(text, ParseOptions, path);

    public static CSharpCompilation Compilation(IEnumerable<SyntaxTree> trees, IEnumerable<MetadataReference>? extraReferences = null)
        => CSharpCompilation.Create(
            "GeneratorTest" + Guid.NewGuid().ToString("N"),
            trees,
            DefaultReferences.Value.AddRange(extraReferences ?? []),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Runs the generator over the given protoc output files (by name) plus extra source trees.</summary>
    public static GeneratorRun Run(string[] protocFiles, IEnumerable<SyntaxTree>? extraTrees = null, IEnumerable<MetadataReference>? extraReferences = null)
    {
        var trees = protocFiles.Select(name => Tree(Protoc(name), name)).Concat(extraTrees ?? []);
        return Run(Compilation(trees, extraReferences));
    }

    public static GeneratorRun Run(CSharpCompilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new ServiceGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        return new GeneratorRun(driver, driver.GetRunResult(), output, driverDiagnostics);
    }
}

internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    GeneratorDriverRunResult Result,
    Compilation Output,
    ImmutableArray<Diagnostic> DriverDiagnostics)
{
    public GeneratorRunResult Single => Assert.Single(Result.Results);

    public ImmutableArray<GeneratedSourceResult> Sources => Single.GeneratedSources;

    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Single.Diagnostics;

    /// <summary>The text of the generated file with this hint name.</summary>
    public string Source(string hintName)
    {
        var match = Sources.Where(s => s.HintName == hintName).ToList();
        Assert.True(match.Count == 1, $"Expected one generated '{hintName}'; got: {string.Join(", ", Sources.Select(s => s.HintName))}");
        return match[0].SourceText.ToString();
    }
}
