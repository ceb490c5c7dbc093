using Ticker.Generators.Tests.Harness;

namespace Ticker.Generators.Tests.Snapshots;

/// <summary>The generated files match the reviewed copies under <c>Expected/</c> exactly.</summary>
public sealed class GeneratedSourceSnapshotTests
{
    [Fact]
    public void Email_functions_generate_the_expected_files() =>
        ExpectedFiles.AssertMatches("Email", GeneratorHarness.Run(Samples.Email).Sources);

    [Fact]
    public void Every_request_shape_generates_the_expected_files() =>
        ExpectedFiles.AssertMatches("Shapes", GeneratorHarness.Run(Samples.Shapes).Sources);

    [Fact]
    public void Names_that_are_not_identifiers_generate_the_expected_files() =>
        ExpectedFiles.AssertMatches("GlobalNamespace", GeneratorHarness.Run(Samples.GlobalNamespace).Sources);
}
