namespace Delivery.Core.Tests.Tools;

/// <summary>
/// tools/pulumi-restore-gap.sh decides whether the test command may fall back to the Pulumi-free
/// filter: only when every restore error is a Pulumi package that this machine's source does not serve.
/// </summary>
public sealed class PulumiRestoreGapTests
{
    private const string PulumiMissing =
        "/r/components/Delivery.Components/Delivery.Components.csproj : error NU1101: Unable to find package Pulumi. No packages exist with this id in source(s): nuget.org [/r/Infra.sln]\n" +
        "/r/infra/Infra.csproj : error NU1102: Unable to find package Pulumi.Kubernetes with version (>= 4.32.0) [/r/Infra.sln]\n" +
        "/r/infra/Infra.csproj : error NU1103: Unable to find a stable package Pulumi.Random with version (>= 4.21.1) [/r/Infra.sln]\n";

    private static ExternalTool.Result Classify(string log)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, log);
            return ExternalTool.Run("bash", [Path.Combine(TestRepository.Root(), "tools", "pulumi-restore-gap.sh"), file]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Only_missing_Pulumi_packages_allow_the_fallback_and_are_named()
    {
        var result = Classify(PulumiMissing);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Pulumi", "Pulumi.Kubernetes", "Pulumi.Random"], result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("/r/cli/Deliver/Deliver.csproj : error NU1101: Unable to find package YamlDotNett. No packages exist with this id [/r/Infra.sln]")]
    [InlineData("/r/infra/Infra.csproj : error NU1301: Unable to load the service index for source https://api.nuget.org/v3/index.json. [/r/Infra.sln]")]
    [InlineData("/r/infra/Infra.csproj : error NU1101: Unable to find package PulumiExtras. No packages exist with this id [/r/Infra.sln]")]
    [InlineData("/r/Infra.sln : error MSB4025: The project file could not be loaded.")]
    public void Any_other_restore_error_fails_and_is_shown(string other)
    {
        var result = Classify(PulumiMissing + other + "\n");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(other, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_restore_without_an_error_code_is_not_taken_for_the_Pulumi_gap()
    {
        Assert.Equal(1, Classify("Build FAILED.\n").ExitCode);
    }
}
