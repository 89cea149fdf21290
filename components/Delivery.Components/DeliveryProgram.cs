using Delivery.Core.Configuration;
using Delivery.Core.Io;
using Delivery.Core.Platform;
using Delivery.Core.Release;
using Delivery.Core.Validation;
using Pulumi;

namespace Delivery.Components;

/// <summary>
/// The stack: builds the model from the config the engine passes, validates it before any resource
/// is declared, refuses what the release guard refuses against the stack's own last releaseState
/// (frozen, unpromoted, live without being staged, a canary on a build staged in the same change; a
/// rollback to the last good version passes, see RollbackRule), declares the environment, exports its outputs.
/// </summary>
public static class DeliveryProgram
{
    public static async Task<IDictionary<string, object?>> RunAsync()
    {
        var environment = ProcessEnvironment.Read();
        var stack = Deployment.Instance.StackName;
        var loaded = DeliveryConfigLoader.LoadForRelease(EngineConfigReader.Read(environment, stack), environment);
        var errors = Report(loaded.Problems);
        if (errors.Count > 0 || loaded.Stack is not { } valid)
            throw Refusal(errors);
        var config = valid.Config;

        var deployed = await DeployedReleases.ReadAsync("deployed-releases", stack).ConfigureAwait(false);
        UpstreamReleases? vouched = null;
        if (config.Upstream.Length > 0)
        {
            var upstream = await DeployedReleases.ReadAsync("upstream-releases", config.Upstream).ConfigureAwait(false)
                           ?? throw new RunException(
                               $"error: delivery-platform:upstream = \"{config.Upstream}\": the upstream stack has no {ReleaseStateJson.OutputName} output. " +
                               $"Fix: deploy {config.Upstream} first, or remove the key: pulumi config rm delivery-platform:upstream.");
            vouched = UpstreamReleases.Of(upstream, valid.Profile.UpstreamWindow);
        }
        var refused = Report(ReleaseGuard.Check(config, deployed, vouched));
        if (refused.Count > 0)
            throw Refusal(refused);

        var delivery = new DeliveryEnvironment("delivery",
            new DeliveryEnvironmentArgs(valid, PlatformRenderer.Render(valid), PlatformEndpoints.Of(valid), Deployment.Instance.RootDirectory));

        var outputs = new Dictionary<string, object?>
        {
            // With the previous live version, so the next update knows the one rollback that passes.
            [ReleaseStateJson.OutputName] = ReleaseStateJson.Write(ReleaseState.After(config, deployed)),
            ["apps"] = delivery.Apps.ToDictionary(app => app.Key, app => (object)AppOutputs(app.Value)),
            ["registryUrl"] = delivery.Registry.Url,
            ["grafanaUrl"] = delivery.Monitoring.GrafanaUrl,
        };
        if (delivery.LocalCluster is { } local)
            outputs["kubeconfig"] = local.Kubeconfig;
        return outputs;
    }

    /// <summary>Logs the warnings and returns the errors, which stop the program (<see cref="Refusal"/>).</summary>
    private static List<string> Report(IEnumerable<ConfigProblem> problems)
    {
        var errors = new List<string>();
        foreach (var problem in problems)
        {
            if (problem.IsError)
                errors.Add(problem.ToString());
            else
                Log.Warn(problem.ToString());
        }
        return errors;
    }

    /// <summary>Stops the program with the core's messages, and no stack trace.</summary>
    private static RunException Refusal(List<string> errors) =>
        new($"{errors.Count} configuration problem{(errors.Count == 1 ? "" : "s")}; nothing was changed:\n{string.Join('\n', errors)}");

    /// <summary>An app's stack outputs: the ones its component registered, not computed again.</summary>
    private static Dictionary<string, object> AppOutputs(DeployedApp app) => new()
    {
        ["liveSlot"] = app.LiveSlot,
        ["liveVersion"] = app.LiveVersion,
        ["idleVersion"] = app.IdleVersion,
        ["releaseId"] = app.ReleaseId,
        ["idleReleaseId"] = app.IdleReleaseId,
    };
}
