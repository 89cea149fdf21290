namespace Delivery.Core.Model;

/// <summary>How an app is deployed (<c>apps.&lt;name&gt;.strategy</c>, spelled as <see cref="Strategies"/> names it).</summary>
public enum AppStrategy
{
    /// <summary>Two slots behind a live Service; a release switches between them.</summary>
    BlueGreen,

    /// <summary>One Deployment, updated in place by Kubernetes.</summary>
    Rolling,
}
