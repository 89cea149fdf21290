using System.Collections.Immutable;
using Delivery.Core.Apps;
using Pulumi;

namespace Delivery.Components;

/// <summary>
/// One app's objects in one ConfigGroup, whatever its strategy: blue/green (both slots, the Services,
/// route) or rolling (one Deployment and Service), with its policies, metrics and alerts.
/// </summary>
public sealed class DeployedApp : RenderedComponent
{
    public const string TypeToken = "delivery:apps:DeployedApp";

    /// <summary>
    /// The type it was declared with before it was named for both strategies. As an alias (which its
    /// children inherit), an existing stack's app moves to the new URN instead of being replaced.
    /// </summary>
    public const string PreviousTypeToken = "delivery:apps:BlueGreenApp";

    public DeployedApp(string name, DeployedAppArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, args.Resources, ComponentResourceOptions.Merge(options, new ComponentResourceOptions { Aliases = { new Alias { Type = PreviousTypeToken } } }))
    {
        LiveSlot = Output.Create(args.Summary.LiveSlot);
        LiveVersion = Output.Create(args.Summary.LiveVersion);
        IdleVersion = Output.Create(args.Summary.IdleVersion);
        ReleaseId = Output.Create(args.Summary.LiveReleaseId);
        IdleReleaseId = Output.Create(args.Summary.IdleReleaseId);
        // A rolling app has no slot Services.
        ServiceNames = Output.Create(ImmutableArray.CreateRange(new[] { args.Summary.LiveService, args.Summary.BlueService, args.Summary.GreenService }.Where(service => service.Length > 0)));
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["liveSlot"] = LiveSlot,
            ["liveVersion"] = LiveVersion,
            ["idleVersion"] = IdleVersion,
            ["releaseId"] = ReleaseId,
            ["idleReleaseId"] = IdleReleaseId,
            ["serviceNames"] = ServiceNames,
        });
    }

    [Output("liveSlot")]
    public Output<string> LiveSlot { get; private set; }

    [Output("liveVersion")]
    public Output<string> LiveVersion { get; private set; }

    [Output("idleVersion")]
    public Output<string> IdleVersion { get; private set; }

    /// <summary>The live slot's release id.</summary>
    [Output("releaseId")]
    public Output<string> ReleaseId { get; private set; }

    /// <summary>The idle slot's release id; empty when the idle slot has no version.</summary>
    [Output("idleReleaseId")]
    public Output<string> IdleReleaseId { get; private set; }

    /// <summary>The live Service, then the blue and green slot Services (none for a rolling app).</summary>
    [Output("serviceNames")]
    public Output<ImmutableArray<string>> ServiceNames { get; private set; }
}

public sealed record DeployedAppArgs(RenderedComponentArgs Resources, AppSummary Summary);
