using System.Text.RegularExpressions;
using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Platform;
using Delivery.Core.Tests.Tools;
using Delivery.Core.Validation;

namespace Delivery.Core.Tests.Platform;

/// <summary>The whole platform of each committed stack, as the shell and the CLI get it.</summary>
public sealed partial class PlatformRendererTests
{
    public static TheoryData<string> Stacks() => ["local", "dev", "staging", "prod"];

    private static PlatformRendering Render(string stack)
    {
        var loaded = DeliveryConfigLoader.Load(StackFileReader.Read(TestConfigs.StackFile(stack)), TestConfigs.NoEnvironment);
        Assert.False(loaded.HasErrors, string.Join('\n', loaded.Errors));
        return PlatformRenderer.Render(loaded.Valid());
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void No_object_is_declared_by_two_components(string stack)
    {
        var duplicates = Render(stack).Objects.GroupBy(o => o.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Empty(duplicates);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_chart_is_pinned_and_oci_charts_carry_their_full_reference(string stack)
    {
        var charts = Render(stack).Charts.ToList();

        Assert.NotEmpty(charts);
        Assert.Equal(charts.Count, charts.Select(c => c.ReleaseName).Distinct().Count());
        foreach (var chart in charts)
        {
            Assert.Matches(ExactVersion(), chart.Version);
            if (chart.Chart.StartsWith("oci://", StringComparison.Ordinal))
                Assert.Equal("", chart.Repository);
            else
                Assert.StartsWith("https://", chart.Repository, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_secret_a_rendering_names_is_declared_once_and_generated_passwords_are_unique(string stack)
    {
        var rendering = Render(stack);
        var secrets = rendering.Components.SelectMany(c => c.Secrets).ToList();
        var passwords = rendering.Components.SelectMany(c => c.Passwords).Select(p => p.Name).ToList();

        Assert.Equal(secrets.Count, secrets.Select(s => $"{s.Namespace}/{s.Name}").Distinct().Count());
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
        foreach (var source in secrets.SelectMany(s => s.Entries).Select(e => e.Source))
        {
            if (source is GeneratedPasswordSource generated)
                Assert.Contains(generated.PasswordName, passwords);
            if (source is HtpasswdSource htpasswd)
                Assert.All(htpasswd.Users, user => Assert.Contains(user.PasswordName, passwords));
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void The_whole_platform_passes_the_real_schemas_and_yamllint(string stack)
    {
        var objects = Render(stack).Objects.ToList();

        SchemaCheck.AssertValid(objects);
        YamlLint.AssertClean(YamlWriter.WriteAll(objects));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void No_chart_value_or_object_field_is_null_because_pulumi_drops_null_map_entries(string stack)
    {
        var rendering = Render(stack);
        var trees = rendering.Charts.Select(c => ($"chart {c.ReleaseName}", (object?)c.Values))
            .Concat(rendering.Objects.Select(o => (o.Id, (object?)o.Body)));

        foreach (var (owner, tree) in trees)
            Assert.Empty(NullPaths(tree, owner));
    }

    private static IEnumerable<string> NullPaths(object? node, string path) => node switch
    {
        null => [path],
        OrderedDictionary<string, object?> map => map.SelectMany(e => NullPaths(e.Value, $"{path}.{e.Key}")),
        List<object?> list => list.SelectMany((item, i) => NullPaths(item, $"{path}[{i}]")),
        _ => [],
    };

    [Fact]
    public void Charts_that_install_crds_come_before_the_charts_that_use_them()
    {
        var dev = Render("dev");
        var ci = dev.Components.Single(c => c.Component == "ci-runners").Charts.Select(c => c.ReleaseName).ToList();
        var monitoring = dev.Components.Single(c => c.Component == "monitoring").Charts.Select(c => c.ReleaseName).ToList();

        // The release controller installs no CRDs of its own (the default one's release does) and comes after it.
        Assert.Equal(["arc", "arc-runners", "arc-release", "arc-release-runners"], ci);
        Assert.Equal([false, false, true, false], dev.Components.Single(c => c.Component == "ci-runners").Charts.Select(c => c.SkipCrds));
        // The rendered chart files say so too, where it applies only.
        Assert.Equal([null, null, true, null], dev.Components.Single(c => c.Component == "ci-runners").Charts.Select(c => RenderFolder.ChartDocument(c).GetValueOrDefault("skipCrds")));
        Assert.Equal("kube-prometheus-stack", monitoring[0]);
    }

    [Fact]
    public void Only_the_local_stack_has_local_docker_resources()
    {
        Assert.NotNull(Render("local").LocalDocker);
        Assert.Null(Render("prod").LocalDocker);
    }

    [GeneratedRegex(@"^v?[0-9]+\.[0-9]+\.[0-9]+$")]
    private static partial Regex ExactVersion();
}
