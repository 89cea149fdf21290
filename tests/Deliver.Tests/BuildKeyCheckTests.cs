namespace Deliver.Tests;

/// <summary><c>deliver check</c> on <c>apps.&lt;name&gt;.build</c>: accepted in the local stack, refused elsewhere with the fix for that stack.</summary>
public sealed class BuildKeyCheckTests
{
    private const string Build = "      build:\n        context: .\n        dockerfile: samples/ShopApi/Dockerfile\n";

    private static string WithApiBuilt(string stack) =>
        stack.Replace("    api:\n      image: shop/api\n", "    api:\n      image: shop/api\n" + Build, StringComparison.Ordinal);

    [Fact]
    public void The_local_stack_may_build_its_apps()
    {
        using var project = new ProjectCopy();
        File.WriteAllText(project.StackPath("local"), WithApiBuilt(project.Stack("local")));

        var check = project.Run("check", "--stack", "local");

        Assert.Equal((0, "local: valid (0 errors, 0 warnings)"), (check.ExitCode, check.Output.Trim()));
    }

    [Fact]
    public void Dev_refuses_a_build_and_says_how_to_remove_it()
    {
        using var project = new ProjectCopy();
        var built = WithApiBuilt(project.Stack("dev"));
        Assert.NotEqual(project.Stack("dev"), built);
        File.WriteAllText(project.StackPath("dev"), built);

        var check = project.Run("check", "--stack", "dev");

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("dev: error: delivery-platform:apps.api.build: builds the image from the working tree, which only the local tier does; in dev the app's pipeline builds and pushes it, and deliver promote sets its version. " +
                        "Fix: pulumi config rm --stack dev --path delivery-platform:apps.api.build.", CheckOutputTests.Unwrapped(check.Error), StringComparison.Ordinal);
        Assert.Contains("dev: invalid (1 error, 4 warnings)", check.Output, StringComparison.Ordinal);
    }
}
