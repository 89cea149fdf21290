using Delivery.Core.Apps;
using Delivery.Core.Model;
using Delivery.Core.Platform;

namespace Delivery.Core.Tests.Kubernetes;

/// <summary>One name per component: the core's, and from it the Pulumi resource's and the render file's.</summary>
public sealed class ComponentRenderingTests
{
    [Fact]
    public void An_apps_component_is_app_colon_name_and_its_resource_and_file_app_dash_name()
    {
        var rendering = PlatformRenderer.Render(TestConfigs.Load(TestConfigs.ValidDev()).Config.Valid(Tier.Dev));

        var api = rendering.Components.Single(c => c.Component == AppRenderer.ComponentName("api"));
        Assert.Equal("app:api", api.Component);
        Assert.Equal("app-api", api.ResourceName);
        Assert.All(rendering.Components.Where(c => !c.Component.StartsWith(AppRenderer.ComponentPrefix, StringComparison.Ordinal)),
            c => Assert.Equal(c.Component, c.ResourceName));
    }
}
