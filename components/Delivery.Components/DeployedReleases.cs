using Delivery.Core.Release;
using Pulumi;

namespace Delivery.Components;

/// <summary>
/// The releases a stack has deployed, as its last <c>releaseState</c> output holds them, read through a
/// StackReference: this stack's own (for the freeze) or its upstream's (for the promotion ladder).
/// </summary>
internal static class DeployedReleases
{
    /// <summary>The state, or null when the stack has not exported one yet (never deployed).</summary>
    public static async Task<ReleaseState?> ReadAsync(string resourceName, string stack)
    {
        var reference = new StackReference(resourceName, new StackReferenceArgs { Name = FullName(stack) });
        var details = await reference.GetOutputDetailsAsync(ReleaseStateJson.OutputName).ConfigureAwait(false);
        return (details.Value ?? details.SecretValue) is string json ? ReleaseStateJson.Read(json) : null;
    }

    /// <summary><c>organization/project/stack</c>, as StackReference wants it.</summary>
    private static string FullName(string stack) =>
        $"{Deployment.Instance.OrganizationName}/{Deployment.Instance.ProjectName}/{stack}";
}
