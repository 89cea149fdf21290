using Delivery.Core.Configuration;
using static Delivery.Core.Kubernetes.Manifest;

namespace Delivery.Core.Network;

/// <summary>
/// The HSTS header every public https route sends, so browsers never try plain http for the host
/// again (a year, the common preload minimum). Not on local, which serves plain http.
/// </summary>
public static class StrictTransportSecurity
{
    public const string Header = "Strict-Transport-Security";
    public const string Value = "max-age=31536000";

    /// <summary>The route rule's filters: the header outside local, none on local.</summary>
    public static List<object?>? Filters(TierProfile profile) =>
        profile.ServesPlainHttp
            ? null
            : List(Map(("type", "ResponseHeaderModifier"), ("responseHeaderModifier", Map(("set", List(Map(("name", Header), ("value", Value))))))));
}
