// A deliberately broken floor plan for FloorPlanTests: Kubernetes reaches up into Release.
namespace Delivery.Core.Tests.Architecture.Sample.Release
{
    internal static class ReleaseNumbers
    {
        /// <summary>Allowed: Release may use Kubernetes.</summary>
        public static string Next() => Kubernetes.Labels.Prefix + "1";
    }
}

namespace Delivery.Core.Tests.Architecture.Sample.Kubernetes
{
    internal static class Labels
    {
        public static readonly string Prefix = "release-";
    }

    /// <summary>The back edge: a primitive that calls up into Release.</summary>
    internal static class LabelsThatReachUp
    {
        public static string Id() => Release.ReleaseNumbers.Next();
    }
}
