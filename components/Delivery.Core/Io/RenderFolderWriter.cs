using Delivery.Core.Kubernetes;
using Delivery.Core.Platform;

namespace Delivery.Core.Io;

/// <summary>Writes a stack's rendering as the files of <see cref="RenderFolder"/> (<c>deliver render --out</c>).</summary>
public static class RenderFolderWriter
{
    /// <summary>Writes the files into <paramref name="folder"/>, which the caller has emptied of an earlier render.</summary>
    public static void Write(PlatformRendering rendering, string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, RenderFolder.Charts));
        Directory.CreateDirectory(Path.Combine(folder, RenderFolder.Secrets));
        foreach (var component in rendering.Components.Where(c => c.Objects.Count > 0))
            File.WriteAllText(Path.Combine(folder, $"{component.ResourceName}.yaml"), YamlWriter.WriteAll(component.Objects));
        foreach (var chart in rendering.Charts)
            File.WriteAllText(Path.Combine(folder, RenderFolder.Charts, $"{chart.ReleaseName}.yaml"), "---\n" + YamlWriter.Write(RenderFolder.ChartDocument(chart)));
        foreach (var component in rendering.Components)
        {
            foreach (var secret in component.Secrets)
                File.WriteAllText(Path.Combine(folder, RenderFolder.Secrets, $"{secret.Namespace}-{secret.Name}.yaml"), "---\n" + YamlWriter.Write(SecretDescription.Of(secret, component.Component)));
        }
    }
}
