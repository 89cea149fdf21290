using Delivery.Core.Release;

namespace Delivery.Core.Tests.Release;

internal static class TestUpstream
{
    /// <summary>What an upstream vouches for with no window: its live versions only.</summary>
    public static UpstreamReleases LiveOnly(ReleaseState upstream) => UpstreamReleases.Of(upstream, window: 0);
}
