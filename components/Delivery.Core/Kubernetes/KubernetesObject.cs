namespace Delivery.Core.Kubernetes;

/// <summary>
/// One Kubernetes object as a plain tree (ordered maps, lists, strings, numbers, booleans): what a
/// Pulumi <c>Kubernetes.Yaml.V2.ConfigGroup</c> takes as <c>Objs</c>, and what the YAML writer prints.
/// </summary>
public sealed class KubernetesObject
{
    public KubernetesObject(OrderedDictionary<string, object?> body)
    {
        Body = body;
        if (Metadata.GetValueOrDefault("name") is not string { Length: > 0 })
            throw new ArgumentException($"A {Kind} needs metadata.name.", nameof(body));
    }

    public OrderedDictionary<string, object?> Body { get; }

    public string Kind => (string)Body["kind"]!;

    public OrderedDictionary<string, object?> Metadata => (OrderedDictionary<string, object?>)Body["metadata"]!;

    public string Name => (string)Metadata["name"]!;

    /// <summary>Empty for cluster-scoped objects.</summary>
    public string Namespace => Metadata.GetValueOrDefault("namespace") as string ?? "";

    /// <summary>Kind/namespace/name: how objects are told apart in a rendering and its diff.</summary>
    public string Id => Namespace.Length == 0 ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";

    public IReadOnlyDictionary<string, object?> Labels =>
        Metadata.GetValueOrDefault("labels") as OrderedDictionary<string, object?> ?? [];

    public IReadOnlyDictionary<string, object?> Annotations =>
        Metadata.GetValueOrDefault("annotations") as OrderedDictionary<string, object?> ?? [];

    public override string ToString() => Id;
}
