using System.Security.Cryptography;
using System.Text;
using Delivery.Core.Apps;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;

namespace Delivery.Core.Tests.Release;

public sealed class ReleaseIdTests
{
    private static DeliveryConfig Config(params (string Key, string? Value)[] changes) =>
        TestConfigs.Load(TestConfigs.ValidDev().With(changes)).Config;

    private static string IdOf(DeliveryConfig config, Slot slot = Slot.Green) => ReleaseId.Of(config.Valid(), "api", slot);

    [Fact]
    public void Same_config_gives_the_same_id()
    {
        Assert.Equal(IdOf(Config()), IdOf(Config()));
        Assert.Matches("^1\\.5\\.0-[0-9a-f]{10}$", IdOf(Config()));
    }

    [Theory]
    [InlineData("apps:api:green", "1.5.1")]
    [InlineData("apps:api:image", "shop/api2")]
    [InlineData("apps:api:port", "9090")]
    [InlineData("apps:api:healthPath", "/ready")]
    [InlineData("apps:api:resources:memoryLimit", "1Gi")]
    [InlineData("apps:api:env:FEATURE_X", "on")]
    [InlineData("registry:host", "registry2.dev.example.com")]
    [InlineData("registry:mode", "docker")] // no pull secret
    [InlineData("environment", "staging")] // deployment.environment in the pods' OTel attributes
    [InlineData("environment", "prod")] // and the prod topology spread
    [InlineData("monitoring:enabled", "false")] // no OTLP endpoint
    public void Anything_that_shapes_the_pods_changes_the_id(string key, string value) =>
        Assert.NotEqual(IdOf(Config()), IdOf(Config((key, value))));

    [Theory]
    [InlineData("apps:api:replicas", "5")]
    [InlineData("apps:api:live", "blue")]
    [InlineData("apps:api:canaryWeight", "20")]
    [InlineData("apps:api:blue", "1.4.3")]
    [InlineData("apps:api:idleReplicas", "0")]
    [InlineData("apps:api:autoscaling:maxReplicas", "4")]
    [InlineData("apps:api:host", "api2.dev.shop.example.com")]
    [InlineData("apps:api:hotfixReason", "incident 42")]
    [InlineData("freeze:enabled", "true")]
    public void Scaling_switching_and_the_other_slot_do_not(string key, string value) =>
        Assert.Equal(IdOf(Config()), IdOf(Config((key, value))));

    [Fact]
    public void The_id_is_the_hash_of_the_rendered_pod_template_so_every_pod_field_is_covered()
    {
        var config = Config();
        var labels = SlotLabels.For("api", Slot.Blue, ImageVersion.Parse("1.5.0"), AppDeployment.Component, "");
        var pods = YamlWriter.Write(AppDeployment.PodTemplate(config.Valid(Tier.Dev), "api", Slot.Blue, ImageVersion.Parse("1.5.0"), labels));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(pods)))[..10];

        Assert.Equal($"1.5.0-{hash}", IdOf(config));
    }

    [Fact]
    public void The_same_version_is_the_same_release_in_either_slot()
    {
        var config = Config(("apps:api:blue", "1.5.0"));

        Assert.Equal(IdOf(config, Slot.Green), IdOf(config, Slot.Blue));
    }

    [Fact]
    public void A_digest_version_gives_a_valid_label()
    {
        var digest = "sha256:" + new string('a', 64);
        var id = IdOf(Config(("apps:api:green", digest)));

        Assert.StartsWith("sha256-aaaaaaaaaaaa-", id, StringComparison.Ordinal);
        Assert.True(LabelValues.IsValid(id));
    }

    [Fact]
    public void A_long_version_is_cut_to_fit_a_label()
    {
        var version = "1.0.0-" + string.Join('.', Enumerable.Repeat("abcdefgh", 10));
        var id = IdOf(Config(("apps:api:green", version)));

        Assert.True(id.Length <= 63, id);
        Assert.True(LabelValues.IsValid(id), id);
    }
}
