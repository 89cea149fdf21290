namespace Delivery.Core.Apps;

/// <summary>
/// The <c>config.kubernetes.io/depends-on</c> annotation, which Pulumi's ConfigGroup honours: the
/// annotated object is applied only after the named one is ready. The live Service uses it so that
/// traffic switches only once the newly live slot's Deployment is ready.
/// </summary>
public static class DependsOn
{
    public const string Annotation = "config.kubernetes.io/depends-on";

    /// <summary>The reference format <c>&lt;group&gt;/namespaces/&lt;namespace&gt;/&lt;kind&gt;/&lt;name&gt;</c>.</summary>
    public static string Deployment(string @namespace, string name) => $"apps/namespaces/{@namespace}/Deployment/{name}";
}
