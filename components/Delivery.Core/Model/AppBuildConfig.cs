namespace Delivery.Core.Model;

/// <summary>
/// The local stack builds the app's image from the working tree and pushes it to its own registry
/// (local tier only; elsewhere the app's pipeline builds and pushes, and a promotion sets the version).
/// Paths are relative to the project folder (the one holding Pulumi.yaml), as <c>docker build -f
/// &lt;dockerfile&gt; &lt;context&gt;</c> run there would take them.
/// </summary>
public sealed class AppBuildConfig
{
    /// <summary>The build context folder (<c>.</c> for the project folder); empty: the app is not built here.</summary>
    public string Context { get; set; } = "";

    /// <summary>The Dockerfile; empty for <c>&lt;context&gt;/Dockerfile</c>.</summary>
    public string Dockerfile { get; set; } = "";

    /// <summary>The image's <c>os/arch</c> (e.g. <c>linux/amd64</c>); empty for the Docker engine's own.</summary>
    public string Platform { get; set; } = "";

    /// <summary>Any build key is set: the stack builds this app.</summary>
    public bool IsSet => Context.Length > 0 || Dockerfile.Length > 0 || Platform.Length > 0;
}
