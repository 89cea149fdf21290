using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;

namespace Delivery.Core.Apps;

/// <summary>
/// All objects of one app, in a fixed order: per slot with a version, its Deployment (and HPA);
/// the three Services; the route, budget, network policy, ServiceMonitor and SLO alert rules. Releasing is only a
/// config change: a new version edits one Deployment, a switch edits the live Service. A rolling
/// app has one Deployment <c>&lt;app&gt;</c> (and HPA) and only its own Service.
/// </summary>
public static class AppRenderer
{
    /// <summary>The prefix of every app's component name.</summary>
    public const string ComponentPrefix = "app:";

    /// <summary>An app's component: <c>app:&lt;name&gt;</c>.</summary>
    public static string ComponentName(string app) => ComponentPrefix + app;

    public static ComponentRendering Render(ValidStack stack, string name) =>
        Render(stack, name, new AppCallGraph(stack.Config));

    private static ComponentRendering Render(ValidStack stack, string name, AppCallGraph calls)
    {
        var valid = stack.Apps[name];
        var (app, rolling, live) = (valid.Config, valid.IsRolling, valid.Live);
        var objects = new List<KubernetesObject?>
        {
            Manifest.Object("v1", "ServiceAccount", AppObjectNames.ServiceAccount(name), PlatformNamespaces.Apps, StandardLabels.Shared(name, "identity"),
                ("automountServiceAccountToken", false)),
        };
        foreach (var slot in valid.Versions.Where(version => version.Value.Text.Length > 0).Select(version => version.Key).Order())
        {
            objects.Add(AppDeployment.Render(stack, name, slot));
            objects.Add(AppAutoscaling.Render(valid, slot));
        }
        objects.Add(AppServices.Live(name, app, live));
        if (!rolling)
        {
            objects.Add(AppServices.ForSlot(name, app, Slot.Blue));
            objects.Add(AppServices.ForSlot(name, app, Slot.Green));
        }
        objects.Add(AppRoute.Render(app, name, live, stack.Profile));
        objects.Add(AppPolicies.DisruptionBudget(stack.Profile, name));
        objects.Add(AppPolicies.Network(stack.Config, name, calls));
        if (stack.Config.Monitoring.Enabled)
        {
            objects.Add(AppServiceMonitor.Render(name, AppObjectNames.ScrapePort(app), rolling));
            objects.Add(Monitoring.AppAlertRules.Render(stack.Config, name));
        }
        return new ComponentRendering(ComponentName(name), [.. objects.OfType<KubernetesObject>()], [], EnvSecrets(name, app), []);
    }

    /// <summary>The app's secret environment variables as one typed Secret, handed to the shell, never to a ConfigGroup.</summary>
    private static IReadOnlyList<SecretSpec> EnvSecrets(string name, AppConfig app) =>
        app.SecretEnv.Count == 0
            ? []
            : [new SecretSpec(AppObjectNames.EnvSecret(name), PlatformNamespaces.Apps, "Opaque", StandardLabels.Shared(name, "config"),
                [.. app.SecretEnv.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new SecretEntry(e.Key, new ConfigSecretSource(e.Value)))])];

    /// <summary>Every app, by name.</summary>
    public static IReadOnlyList<ComponentRendering> RenderAll(ValidStack stack)
    {
        var calls = new AppCallGraph(stack.Config);
        return [.. stack.Apps.Keys.Select(name => Render(stack, name, calls))];
    }
}
