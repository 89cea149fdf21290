namespace Deliver.Tests;

/// <summary>render --out holds exactly one render, and shows every Secret the shell creates, never a value.</summary>
public sealed class RenderOutputTests
{
    private static List<string> Files(string folder) =>
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    [Fact]
    public void A_second_render_into_the_same_folder_replaces_the_first()
    {
        using var project = new ProjectCopy();
        var folder = Path.Combine(project.Root, "out");
        var prodAlone = Path.Combine(project.Root, "prod-alone");

        Assert.Equal(0, project.Run("render", "--stack", "dev", "--out", folder).ExitCode);
        Assert.Contains("ci-runners.yaml", Files(folder));
        Assert.Equal(0, project.Run("render", "--stack", "prod", "--out", folder).ExitCode);
        Assert.Equal(0, project.Run("render", "--stack", "prod", "--out", prodAlone).ExitCode);

        Assert.Equal(Files(prodAlone), Files(folder));
        Assert.DoesNotContain("ci-runners.yaml", Files(folder));
    }

    [Fact]
    public void A_file_or_a_foreign_folder_as_out_is_refused_in_one_line_and_left_alone()
    {
        using var project = new ProjectCopy();
        var file = Path.Combine(project.Root, "notes.txt");
        File.WriteAllText(file, "mine");
        var foreign = Path.Combine(project.Root, "foreign");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "keep.yaml"), "mine");

        var onFile = project.Run("render", "--stack", "prod", "--out", file);
        var onForeign = project.Run("render", "--stack", "prod", "--out", foreign);

        Assert.Equal(2, onFile.ExitCode);
        Assert.EndsWith($"error: --out {file} is a file; give a folder (new, empty, or an earlier render's).", onFile.Error.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(2, onForeign.ExitCode);
        Assert.EndsWith($"error: --out {foreign} is not empty and was not written by deliver render; give a new or empty folder.", onForeign.Error.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(file));
        Assert.Equal(["keep.yaml"], Files(foreign));
    }

    [Fact]
    public void Every_secret_the_deployments_and_charts_refer_to_is_described_without_its_value()
    {
        using var project = new ProjectCopy();
        var folder = Path.Combine(project.Root, "out");

        Assert.Equal(0, project.Run("render", "--stack", "dev", "--out", folder).ExitCode);

        var secrets = Files(folder).Where(f => f.StartsWith("secrets/", StringComparison.Ordinal)).ToList();
        Assert.Contains("secrets/apps-registry-pull.yaml", secrets);
        Assert.Contains("secrets/monitoring-grafana-admin.yaml", secrets);
        var pull = File.ReadAllText(Path.Combine(folder, "secrets/apps-registry-pull.yaml"));
        Assert.Contains("secret: apps/registry-pull", pull, StringComparison.Ordinal);
        Assert.Contains("type: kubernetes.io/dockerconfigjson", pull, StringComparison.Ordinal);
        Assert.Contains("\".dockerconfigjson\": \"a docker config for registry.dev.shop.example.com", pull, StringComparison.Ordinal);
        // Every Secret an object names by secretName/existingSecret/imagePullSecrets is among them.
        var objects = string.Join('\n', Files(folder).Where(f => !f.StartsWith("secrets/", StringComparison.Ordinal) && f.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(f => File.ReadAllText(Path.Combine(folder, f))));
        foreach (var name in new[] { "registry-pull", "grafana-admin" })
            Assert.Contains(name, objects, StringComparison.Ordinal);
    }
}
