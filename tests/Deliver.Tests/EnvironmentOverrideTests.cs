using static Delivery.Core.Tests.ExampleVersions;

namespace Deliver.Tests;

/// <summary>DELIVERY_ variables win over the stack file; deliver says so wherever that hides something.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class EnvironmentOverrideTests
{
    [Fact]
    public void A_release_step_on_a_key_the_environment_overrides_warns_that_the_environment_wins()
    {
        using var project = new ProjectCopy();
        using var _ = ProcessEnvironment.Set(("DELIVERY_apps__api__blue", "9.9.9"));

        var promoted = project.Run("promote", "api", "1.6.0", "--stack", "dev", "--dry-run");

        Assert.Equal(0, promoted.ExitCode);
        Assert.Contains("dev: warning: DELIVERY_apps__api__blue is set in this environment and wins over the stack file for delivery-platform:apps.api.blue; unset it to see this change.",
            promoted.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_marks_the_values_that_come_from_the_environment()
    {
        using var project = new ProjectCopy();
        using var _ = ProcessEnvironment.Set(("DELIVERY_apps__api__blue", Pinned("9.9.9")));

        var status = project.Run("status", "--stack", "prod");

        Assert.Matches(@"\napi\s+STAGED\s+9\.9\.9@[0-9a-f]{7} \(blue\) \(env\)\s+1\.5\.0@[0-9a-f]{7} \(green\)\s", status.Output);
        Assert.Contains("(env): set by a DELIVERY_ environment variable of this shell, not by the stack file.", status.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\nweb\s[^\n]*\(env\)", status.Output);
    }

    [Fact]
    public void A_typo_in_an_environment_variable_is_told_to_rename_the_variable()
    {
        using var project = new ProjectCopy();
        using var _ = ProcessEnvironment.Set(("DELIVERY_apps__api__bleu", "1.0.0"));

        var check = project.Run("check", "--stack", "dev");

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("dev: error: delivery-platform:apps.api.bleu: unknown key (from environment variable DELIVERY_apps__api__bleu). Fix: did you mean \"blue\"? Rename the variable to DELIVERY_apps__api__blue.",
            CheckOutputTests.Unwrapped(check.Error), StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_and_staged_refuse_an_override_of_a_release_key_and_in_CI_of_any_key_before_judging_anything()
    {
        using var project = new ProjectCopy();
        var unreachable = "http://127.0.0.1:9"; // refused before Alertmanager is asked

        (int ExitCode, string Output, string Error) version, inCi;
        using (ProcessEnvironment.Set(("CI", null), ("DELIVERY_apps__api__green", "6.6.6")))
            version = project.Run("gate", "--stack", "dev", "--alertmanager", unreachable);
        using (ProcessEnvironment.Set(("CI", "true"), ("DELIVERY_apps__api__replicas", "2")))
            inCi = project.Run("staged", "--stack", "dev");

        Assert.Equal(1, version.ExitCode);
        Assert.Contains("dev: error: delivery-platform:apps.api.green: DELIVERY_apps__api__green may not change it under pulumi up, deliver gate and deliver staged", version.Error, StringComparison.Ordinal);
        Assert.Contains("Fix: unset DELIVERY_apps__api__green", version.Error, StringComparison.Ordinal);
        Assert.Contains("refused: dev's release must come from its stack file alone; nothing was judged.", version.Error, StringComparison.Ordinal);
        Assert.Equal((1, ""), (inCi.ExitCode, inCi.Output));
        Assert.Contains("dev: error: delivery-platform:apps.api.replicas: DELIVERY_apps__api__replicas is set while CI is set", inCi.Error, StringComparison.Ordinal);
    }
}
