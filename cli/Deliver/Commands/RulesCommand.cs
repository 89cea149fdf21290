using Delivery.Core.Configuration;
using Delivery.Core.Model;

namespace Deliver.Commands;

/// <summary>
/// deliver freeze / unfreeze / hotfix: the release rules as steps, so nobody edits YAML by hand on a
/// bad day. Each edits the stack file in place, checks the result, and says what to deploy: a change
/// that loosens the rules (unfreeze, a hotfix reason) deploys alone, before any release step (I4).
/// </summary>
internal static class RulesCommand
{
    private static readonly ConfigPath FreezeEnabled = ConfigPath.Root("freeze").Key("enabled");
    private static readonly ConfigPath FreezeReason = ConfigPath.Root("freeze").Key("reason");

    public static int Freeze(Workspace workspace, Terminal terminal, string stack, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new UsageException("a freeze needs a reason people can read: deliver freeze --stack <stack> --reason \"<why>\".");
        if (Load(workspace, terminal, stack) is null)
            return ExitCodes.Problems;
        return Edit(workspace, terminal, stack, [(FreezeEnabled, "true"), (FreezeReason, reason)], $"frozen: {reason}",
            "every release step is refused until deliver unfreeze, but the rollback to the last good version and a lower canary weight.");
    }

    public static int Unfreeze(Workspace workspace, Terminal terminal, string stack)
    {
        if (Load(workspace, terminal, stack) is not { } config)
            return ExitCodes.Problems;
        if (!config.Freeze.Enabled)
        {
            terminal.Line($"{stack}: not frozen; nothing to do.");
            return ExitCodes.Ok;
        }
        return Edit(workspace, terminal, stack, [(FreezeEnabled, "false"), (FreezeReason, "")], "the freeze is lifted", Alone(stack));
    }

    /// <param name="reason">The hotfix reason; empty to clear it.</param>
    public static int Hotfix(Workspace workspace, Terminal terminal, string stack, string app, string reason)
    {
        if (Load(workspace, terminal, stack) is not { } config)
            return ExitCodes.Problems;
        if (UnknownApp.Message(config, stack, app) is { } unknown)
            throw new UsageException(unknown);
        if (reason.Length == 0 && config.Apps[app].HotfixReason.Length == 0)
        {
            terminal.Line($"{stack}: {app} has no hotfix reason; nothing to do.");
            return ExitCodes.Ok;
        }
        var key = AppKeys.App(app).Key(AppKeys.HotfixReason);
        return reason.Length == 0
            ? Edit(workspace, terminal, stack, [(key, "")], $"{app}'s hotfix reason is cleared", $"{app}'s versions must be live upstream again to take traffic.")
            : Edit(workspace, terminal, stack, [(key, reason)], $"{app} may take a version its upstream has not run: {reason}",
                $"{Alone(stack)} Promote the same version through the upstream afterwards, then deliver hotfix {app} --clear --stack {stack}.");
    }

    private static string Alone(string stack) =>
        $"deploy this alone first (pulumi up --stack {stack}): a change that loosens the release rules is refused together with a release step (I4).";

    /// <summary>The stack's config; null, with its errors printed, when it has any: a refusal (exit 1), as for every release step.</summary>
    private static DeliveryConfig? Load(Workspace workspace, Terminal terminal, string stack)
    {
        var loaded = workspace.Load(stack);
        if (!ProblemPrinter.PrintFor(stack, terminal, loaded.Errors))
            return loaded.Config;
        terminal.Error($"refused: {stack} has errors (above); run deliver check --stack {stack} and fix them first. Nothing was changed.");
        return null;
    }

    /// <summary>Applies <paramref name="changes"/> to a stack file its caller has loaded without errors (<see cref="Load"/>).</summary>
    private static int Edit(Workspace workspace, Terminal terminal, string stack, IReadOnlyList<(ConfigPath Path, string Value)> changes, string summary, string next)
    {
        var edited = changes.Aggregate(workspace.ReadStack(stack), (yaml, change) => StackFileEditor.Set(yaml, change.Path, change.Value));
        var loaded = Workspace.Load(edited, stack, Path.GetFileName(workspace.StackFile(stack)));
        if (ProblemPrinter.PrintFor(stack, terminal, loaded.Errors))
        {
            terminal.Error($"refused: {summary} would leave {stack} with errors. Nothing was changed.");
            return ExitCodes.Problems;
        }
        File.WriteAllText(workspace.StackFile(stack), edited);
        terminal.Success($"{stack}: {summary}.");
        foreach (var (path, value) in changes)
            terminal.Line($"  {path} = {StackFileEditor.Format(value)}");
        terminal.Line($"next: {next}");
        return ExitCodes.Ok;
    }
}
