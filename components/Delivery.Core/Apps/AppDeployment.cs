using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;
using Delivery.Core.Registry;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Apps;

/// <summary>
/// One slot's Deployment (or a rolling app's one, <c>&lt;app&gt;</c>, whose pods carry the slot label
/// <c>rolling</c>): pinned to the slot's image, labelled with version and release id, probed on the
/// health path, sized by config, and locked down to Pod Security "restricted". A slot's own
/// rollout surges one pod; a rolling app's uses its <c>rolling</c> settings.
/// </summary>
public static class AppDeployment
{
    public const string Component = "server";

    public static KubernetesObject Render(ValidStack stack, string name, Slot slot)
    {
        var valid = stack.Apps[name];
        var app = valid.Config;
        var labels = SlotLabels.For(stack, name, slot, Component);
        var autoscaled = app.Autoscaling.MaxReplicas > 0;
        var spec = Map(
            ("replicas", autoscaled ? null : Replicas(valid, slot)),
            ("revisionHistoryLimit", 3),
            ("selector", Map(("matchLabels", Strings(StandardLabels.SlotSelector(name, slot))))),
            ("strategy", Map(("type", "RollingUpdate"), ("rollingUpdate", RollingUpdate(app, slot)))),
            ("template", PodTemplate(stack, name, slot, valid.VersionIn(slot), labels)));
        return Manifest.Object("apps/v1", "Deployment", AppObjectNames.Slot(name, slot), PlatformNamespaces.Apps, labels, ("spec", spec));
    }

    /// <summary>The pod template of <paramref name="version"/> in <paramref name="slot"/>, with <paramref name="labels"/> (which carry its release id); <see cref="ReleaseId"/> hashes it.</summary>
    public static OrderedDictionary<string, object?> PodTemplate(
        ValidStack stack, string name, Slot slot, ImageVersion version, IReadOnlyDictionary<string, string> labels) => Map(
        ("metadata", Map(("labels", Strings(labels)))),
        ("spec", PodSpec(stack, name, stack.Config.Apps[name], slot, version, labels)));

    /// <summary>Live slot (and a rolling app): replicas; idle slot: idleReplicas, or full replicas for an instant rollback.</summary>
    public static int Replicas(ValidApp app, Slot slot) =>
        app.Live == slot ? app.Config.Replicas : app.Config.IdleSlotReplicas;

    private static OrderedDictionary<string, object?> RollingUpdate(AppConfig app, Slot slot) =>
        slot == Slot.Rolling
            ? Map(("maxSurge", Strategies.IntOrPercent(Strategies.MaxSurge(app))), ("maxUnavailable", Strategies.IntOrPercent(Strategies.MaxUnavailable(app))))
            : Map(("maxSurge", 1), ("maxUnavailable", 0));

    private static OrderedDictionary<string, object?> PodSpec(
        ValidStack stack, string name, AppConfig app, Slot slot, ImageVersion version, IReadOnlyDictionary<string, string> labels)
    {
        var probe = Map(("httpGet", Map(("path", app.HealthPath), ("port", AppObjectNames.HttpPort))), ("periodSeconds", 10));
        var container = Map(
            ("name", name),
            ("image", ImageReference.Of(stack.Config.Registry, app, version)),
            ("imagePullPolicy", ImageReference.PullPolicy(stack.Profile)),
            ("ports", ListOf(new[] { (AppObjectNames.HttpPort, app.Port), (AppObjectNames.MetricsPort, app.MetricsPort) }
                .Where(port => port.Item2 > 0)
                .Select(port => Map(("name", port.Item1), ("containerPort", port.Item2), ("protocol", "TCP"))))),
            ("env", ListOf(Environment(stack.Config, name, app, labels))),
            ("readinessProbe", Merge(probe, ("failureThreshold", 3))),
            ("livenessProbe", Merge(probe, ("failureThreshold", 6), ("initialDelaySeconds", 10))),
            ("resources", PodDefaults.Resources(app.Resources.CpuRequest, app.Resources.MemoryRequest, app.Resources.CpuLimit, app.Resources.MemoryLimit)),
            ("securityContext", PodDefaults.RestrictedContainer(readOnlyRootFilesystem: true, app.RunAsUser, app.RunAsUser)),
            ("volumeMounts", List(Map(("name", "tmp"), ("mountPath", "/tmp")))));
        return Map(
            ("serviceAccountName", AppObjectNames.ServiceAccount(name)),
            ("automountServiceAccountToken", false),
            ("imagePullSecrets", stack.Config.Registry.Kind == RegistryMode.Docker ? null : List(Map(("name", AppObjectNames.PullSecret)))),
            ("securityContext", PodDefaults.RestrictedPod(app.RunAsUser, app.RunAsUser, app.RunAsUser)),
            ("terminationGracePeriodSeconds", 30),
            ("topologySpreadConstraints", stack.Profile.SpreadsAppsAcrossNodes ? Spread(name, slot) : null),
            ("containers", List(container)),
            ("volumes", List(Map(("name", "tmp"), ("emptyDir", Map(("sizeLimit", "64Mi")))))));
    }

    /// <summary>
    /// The app's own variables, then the OpenTelemetry settings: where traces go (the platform's
    /// collector, with monitoring on) and the resource attributes that make every trace and log carry
    /// the release (an app's own variable of the same name wins).
    /// </summary>
    private static IEnumerable<object?> Environment(DeliveryConfig config, string name, AppConfig app, IReadOnlyDictionary<string, string> labels)
    {
        var attributes = string.Join(',',
            $"service.version={labels[StandardLabels.Version]}",
            $"deployment.environment={config.Environment}",
            $"delivery.slot={labels[StandardLabels.SlotLabel]}",
            $"delivery.release={labels[StandardLabels.Release]}");
        var platform = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["OTEL_SERVICE_NAME"] = name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = attributes,
        };
        if (config.Monitoring.Enabled)
            platform["OTEL_EXPORTER_OTLP_ENDPOINT"] = Monitoring.MonitoringCharts.OtlpHttpEndpoint;
        var secretEnv = app.SecretEnv.Keys.Order(StringComparer.Ordinal).Select(variable => (object?)Map(
            ("name", variable),
            ("valueFrom", Map(("secretKeyRef", Map(("name", AppObjectNames.EnvSecret(name)), ("key", variable)))))));
        return app.Env.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Concat(platform.Where(p => !app.Env.ContainsKey(p.Key) && !app.SecretEnv.ContainsKey(p.Key)))
            .Select(e => (object?)Map(("name", e.Key), ("value", e.Value)))
            .Concat(secretEnv);
    }

    /// <summary>Prod spreads a slot's pods over zones and nodes, preferring, not requiring, so a small cluster still schedules.</summary>
    private static List<object?> Spread(string name, Slot slot) =>
        ListOf(new[] { "topology.kubernetes.io/zone", "kubernetes.io/hostname" }.Select(key => Map(
            ("maxSkew", 1),
            ("topologyKey", key),
            ("whenUnsatisfiable", "ScheduleAnyway"),
            ("labelSelector", Map(("matchLabels", Strings(StandardLabels.SlotSelector(name, slot))))))));

    private static OrderedDictionary<string, object?> Merge(OrderedDictionary<string, object?> map, params (string Key, object? Value)[] extra)
    {
        var merged = new OrderedDictionary<string, object?>(map);
        foreach (var (key, value) in extra)
            merged[key] = value;
        return merged;
    }
}
