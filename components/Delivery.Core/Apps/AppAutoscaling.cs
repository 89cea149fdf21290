using Delivery.Core.Configuration;
using Delivery.Core.Kubernetes;
using Delivery.Core.Model;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Apps;

/// <summary>
/// With autoscaling on, one HorizontalPodAutoscaler per deployed slot, floored at that slot's
/// replicas (the Deployments then leave replicas to it). Per slot, so a switch never retargets one;
/// a slot scaled to 0 gets none (an HPA cannot hold 0).
/// </summary>
public static class AppAutoscaling
{
    public static KubernetesObject? Render(ValidApp valid, Slot slot)
    {
        var (app, name) = (valid.Config, valid.Name);
        var minimum = AppDeployment.Replicas(valid, slot);
        if (app.Autoscaling.MaxReplicas == 0 || minimum == 0)
            return null;
        return Manifest.Object("autoscaling/v2", "HorizontalPodAutoscaler", AppObjectNames.Slot(name, slot), PlatformNamespaces.Apps,
            StandardLabels.Shared(name, "autoscaling"),
            ("spec", Map(
                ("scaleTargetRef", Map(("apiVersion", "apps/v1"), ("kind", "Deployment"), ("name", AppObjectNames.Slot(name, slot)))),
                ("minReplicas", minimum),
                ("maxReplicas", app.Autoscaling.MaxReplicas),
                ("metrics", List(Map(
                    ("type", "Resource"),
                    ("resource", Map(("name", "cpu"), ("target", Map(("type", "Utilization"), ("averageUtilization", app.Autoscaling.CpuUtilization)))))))))));
    }
}
