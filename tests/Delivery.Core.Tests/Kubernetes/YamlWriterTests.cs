using Delivery.Core.Kubernetes;
using Delivery.Core.Tests.Tools;

namespace Delivery.Core.Tests.Kubernetes;

public sealed class YamlWriterTests
{
    [Theory]
    [InlineData("yes", "\"yes\"")]
    [InlineData("on", "\"on\"")]
    [InlineData("y", "\"y\"")]
    [InlineData("12:30", "\"12:30\"")]
    [InlineData("0644", "\"0644\"")]
    [InlineData("1.10", "\"1.10\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("", "\"\"")]
    [InlineData("app.kubernetes.io/name", "app.kubernetes.io/name")]
    [InlineData("/healthz", "/healthz")]
    public void Strings_that_yaml_1_1_would_read_otherwise_are_quoted(string value, string expected) =>
        Assert.Equal($"key: {expected}\n", YamlWriter.Write(Manifest.Map(("key", value))));

    [Fact]
    public void Multi_line_text_is_a_literal_block_and_passes_yamllint()
    {
        var yaml = YamlWriter.Write(Manifest.Map(("config", "line one\nline two\n")));

        Assert.Equal("config: |\n  line one\n  line two\n", yaml);
        YamlLint.AssertClean("---\n" + yaml);
    }

    [Fact]
    public void Objects_are_one_stream_with_a_document_per_object()
    {
        var objects = new[] { "a", "b" }.Select(name => Manifest.Object("v1", "ConfigMap", name, "apps", new Dictionary<string, string>()));

        Assert.Equal(
            "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: apps\n  labels: {}\n" +
            "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  namespace: apps\n  labels: {}\n",
            YamlWriter.WriteAll(objects));
    }

    [Fact]
    public void Numbers_and_flags_are_plain_and_invariant()
    {
        var yaml = YamlWriter.Write(Manifest.Map(("replicas", 3), ("big", 5_000_000_000L), ("ratio", 0.25), ("limit", double.PositiveInfinity), ("enabled", true)));

        Assert.Equal("replicas: 3\nbig: 5000000000\nratio: 0.25\nlimit: .inf\nenabled: true\n", yaml);
    }

    [Fact]
    public void A_map_met_twice_is_anchored_then_aliased_as_before_so_release_ids_stay()
    {
        var probe = Manifest.Map(("path", "/healthz"), ("port", "http"));
        var ports = Manifest.List(8080);
        var yaml = YamlWriter.Write(Manifest.Map(("ports", ports), ("liveness", probe), ("readiness", probe), ("again", ports), ("startup", probe)));

        Assert.Equal(
            "ports: &o1\n  - 8080\nliveness: &o0\n  path: /healthz\n  port: http\nreadiness: *o0\nagain: *o1\nstartup: *o0\n",
            yaml);
    }

    [Fact]
    public void A_value_that_is_no_map_list_or_scalar_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => YamlWriter.Write(Manifest.Map(("when", new Uri("https://example.org")))));

        Assert.Contains("a Uri is none of them", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_without_a_name_is_refused() =>
        Assert.Throws<ArgumentException>(() => new KubernetesObject(Manifest.Map(("apiVersion", "v1"), ("kind", "ConfigMap"), ("metadata", Manifest.Map()))));
}
