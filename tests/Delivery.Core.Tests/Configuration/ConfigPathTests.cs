using Delivery.Core.Configuration;

namespace Delivery.Core.Tests.Configuration;

public sealed class ConfigPathTests
{
    [Fact]
    public void Prints_as_pulumi_config_set_path_syntax()
    {
        Assert.Equal("delivery-platform:apps.api.callers[0]", ConfigPath.Root("apps").Key("api").Key("callers").Index(0).ToString());
        Assert.Equal("delivery-platform:apps.api.env[\"dotted.name\"]", ConfigPath.Root("apps").Key("api").Key("env").Key("dotted.name").ToString());
    }

    [Fact]
    public void Converts_to_the_binder_key_and_compares_ignoring_case()
    {
        var path = ConfigPath.Root("apps").Key("api").Key("callers").Index(1);

        Assert.Equal("apps:api:callers:1", path.ConfigurationKey);
        Assert.Equal(ConfigPath.Root("Apps").Key("API").Key("callers").Index(1), path);
    }
}
