using Delivery.Core.Kubernetes;
using Delivery.Core.Model;

namespace Delivery.Core.Apps;

/// <summary>In-cluster addresses of an app's Services, for callers inside the cluster (CI's smoke tests).</summary>
public static class AppEndpoints
{
    /// <summary>The slot Service's health URL: its DNS name, port 80 (see <see cref="AppServices"/>) and the app's health path.</summary>
    public static string SlotHealthUrl(string app, Slot slot, AppConfig settings) =>
        $"http://{AppObjectNames.Slot(app, slot)}.{PlatformNamespaces.Apps}.svc.cluster.local{settings.HealthPath}";
}
