using System.Text.Json;
using System.Xml;

namespace Deliver.Tests;

/// <summary>
/// --json on status, check, diff and staged (gate's is in Monitoring/GateTests, against a real
/// Alertmanager): the real output parses, has the fields docs/json.md lists with their types, and
/// the exit code is the one the table run gives.
/// </summary>
public sealed class JsonOutputTests
{
    [Fact]
    public void Status_json_has_the_documented_fields_full_versions_and_the_tables_exit_code()
    {
        using var project = new ProjectCopy();

        var json = project.Run("status", "--json");
        var table = project.Run("status");

        Assert.Equal((0, 0), (json.ExitCode, table.ExitCode));
        var root = JsonDocs.AssertDocumented("status", json.Output);
        Assert.Equal(["dev", "local", "prod", "staging"], root.GetProperty("stacks").EnumerateArray().Select(s => s.GetProperty("stack").GetString()));
        var prod = root.GetProperty("stacks").EnumerateArray().Single(s => s.GetProperty("stack").GetString() == "prod");
        var api = prod.GetProperty("apps").EnumerateArray().Single(a => a.GetProperty("app").GetString() == "api");
        Assert.Equal("STAGED", api.GetProperty("phase").GetString());
        Assert.Matches("^1\\.4\\.2@sha256:[0-9a-f]{64}$", api.GetProperty("liveVersion").GetString());
        Assert.Equal("staging", prod.GetProperty("upstream").GetString());
    }

    [Fact]
    public void Status_json_of_a_stack_with_errors_lists_them_and_exits_1_with_the_errors_on_stderr()
    {
        using var project = new ProjectCopy();
        File.WriteAllText(project.StackPath("prod"), project.Stack("prod").Replace("environment: prod", "environment: production", StringComparison.Ordinal));

        var json = project.Run("status", "--stack", "prod", "--json");

        Assert.Equal(1, json.ExitCode);
        var stack = Assert.Single(JsonDocs.AssertDocumented("status", json.Output).GetProperty("stacks").EnumerateArray());
        Assert.Contains(stack.GetProperty("errors").EnumerateArray(), e => e.GetProperty("key").GetString() == "delivery-platform:environment");
        Assert.Contains("prod: has errors (above)", json.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_json_has_the_documented_fields_and_exits_1_on_an_error_as_without_it()
    {
        using var project = new ProjectCopy();

        var valid = project.Run("check", "--all", "--json");
        File.WriteAllText(project.StackPath("dev"), project.Stack("dev").Replace("live: green", "live: purple", StringComparison.Ordinal));
        var invalid = project.Run("check", "--stack", "dev", "--json");

        Assert.Equal(0, valid.ExitCode);
        var stacks = JsonDocs.AssertDocumented("check", valid.Output).GetProperty("stacks").EnumerateArray().ToList();
        Assert.Equal(4, stacks.Count);
        Assert.All(stacks, s => Assert.True(s.GetProperty("valid").GetBoolean()));
        Assert.Equal(1, invalid.ExitCode);
        var dev = Assert.Single(JsonDocs.AssertDocumented("check", invalid.Output).GetProperty("stacks").EnumerateArray());
        Assert.False(dev.GetProperty("valid").GetBoolean());
        var error = dev.GetProperty("problems")[0];
        Assert.Equal(("error", "delivery-platform:apps.api.live", "purple"), (error.GetProperty("severity").GetString(), error.GetProperty("key").GetString(), error.GetProperty("value").GetString()));
        Assert.Contains("dev: error: delivery-platform:apps.api.live", invalid.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_json_lists_the_changed_objects_as_the_text_does()
    {
        using var project = new ProjectCopy();
        Assert.Equal(0, project.Run("promote", "web", "2.5.0", "--stack", "dev").ExitCode);

        var json = project.Run("diff", "--stack", "dev", "--against", "HEAD", "--json");
        var text = project.Run("diff", "--stack", "dev", "--against", "HEAD");

        Assert.Equal((0, 0), (json.ExitCode, text.ExitCode));
        var root = JsonDocs.AssertDocumented("diff", json.Output);
        var changed = root.GetProperty("changed").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains("Deployment/apps/web-green", changed);
        Assert.All(changed, id => Assert.Contains($"~ {id}", text.Output, StringComparison.Ordinal));
        Assert.Equal(2, project.Run("diff", "--stack", "dev", "--against", "HEAD", "--json", "--releases").ExitCode);
    }

    [Fact]
    public void Staged_json_names_the_change_and_gives_the_bake_time_in_ISO_8601()
    {
        using var project = new ProjectCopy();
        var none = project.Run("staged", "--stack", "dev", "--against", "HEAD", "--json");
        Assert.Equal(0, project.Run("promote", "web", "2.5.0", "--stack", "dev").ExitCode);

        var release = project.Run("staged", "--stack", "dev", "--against", "HEAD", "--json");
        var text = project.Run("staged", "--stack", "dev", "--against", "HEAD");

        Assert.Equal("none", JsonDocs.AssertDocumented("staged", none.Output).GetProperty("change").GetString());
        Assert.Equal(0, release.ExitCode);
        var root = JsonDocs.AssertDocumented("staged", release.Output);
        Assert.Equal("release", root.GetProperty("change").GetString());
        var slot = Assert.Single(root.GetProperty("slots").EnumerateArray());
        var fields = text.Output.TrimEnd('\n').Split('\t');
        Assert.Equal(string.Join('\t', fields[..5]), string.Join('\t', new[] { "app", "slot", "role", "version", "healthUrl" }.Select(name => slot.GetProperty(name).GetString())));
        Assert.Equal(TimeSpan.FromSeconds(int.Parse(fields[5], System.Globalization.CultureInfo.InvariantCulture)), XmlConvert.ToTimeSpan(slot.GetProperty("bake").GetString()!));
    }

    [Fact]
    public void Gate_json_for_a_change_that_is_no_release_passes_without_asking_alertmanager()
    {
        using var project = new ProjectCopy();

        var gate = project.Run("gate", "--stack", "dev", "--alertmanager", "http://127.0.0.1:1", "--against", "HEAD", "--json");

        Assert.True(gate.ExitCode == 0, gate.Error);
        var root = JsonDocs.AssertDocumented("gate", gate.Output);
        Assert.Equal(("none", "pass"), (root.GetProperty("change").GetString(), root.GetProperty("verdict").GetString()));
    }

    /// <summary>Usage mistakes under --json: exit 2, the error on stderr, nothing on stdout a script would parse.</summary>
    [Theory]
    [InlineData("status", "--stack", "nope")]
    [InlineData("check", "--stack", "nope")]
    [InlineData("check")]
    [InlineData("diff", "--stack", "dev", "--against", "no-such-revision")]
    [InlineData("staged", "--stack", "nope")]
    [InlineData("gate", "--stack", "dev", "--alertmanager", "ftp://example.com")]
    [InlineData("status", "--stack", "dev", "--no-such-option")]
    public void Bad_input_with_json_exits_2_with_the_error_on_stderr_and_nothing_on_stdout(params string[] args)
    {
        using var project = new ProjectCopy();

        var result = project.Run([.. args, "--json"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.NotEqual("", result.Error.Trim());
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(result.Error));
    }
}
