using System.Diagnostics;
using Delivery.Core.Configuration;
using Delivery.Core.Io;
using Delivery.Core.Platform;
using Delivery.Core.Release;
using Delivery.Core.Release.History;

namespace Deliver.Commands;

/// <summary>
/// deliver promote / canary / switch / rollback / abort: compute the config edit, check it (validation, freeze,
/// and except for a rollback the promotion ladder against the upstream stack file and its history) before anything
/// is written, then edit the stack file in place (or run pulumi config set) and say what to run next.
/// Rollback and abort need the stack file's git history; promote and switch use it when there is one.
/// </summary>
internal static class ReleaseCommand
{
    public static int Run(Workspace workspace, Terminal terminal, ReleaseStep step, string stack, string app, string? version, string? weight, bool dryRun, bool viaPulumi)
    {
        var original = workspace.ReadStack(stack);
        var current = Workspace.Load(original, stack, Path.GetFileName(workspace.StackFile(stack)));
        if (ProblemPrinter.PrintFor(stack, terminal, current.Errors) || current.Stack is not { } valid)
        {
            terminal.Error($"{stack}: fix the stack file's errors before a release step.");
            return ExitCodes.Problems;
        }

        if (UnknownApp.Message(current.Config, stack, app) is { } unknown)
            throw new UsageException(unknown);
        var canaryWeight = step == ReleaseStep.Canary ? CanaryWeight(weight!) : 0;

        ReleaseLedger? ledger;
        if (step is ReleaseStep.Rollback or ReleaseStep.Abort)
        {
            try
            {
                ledger = Histories.Read(workspace, stack);
            }
            catch (HistoryUnavailableException unavailable)
            {
                terminal.Error($"refused: {(step == ReleaseStep.Rollback ? "a rollback" : "an abort")} needs the release history: {unavailable.Message}");
                return ExitCodes.Problems;
            }
        }
        else
        {
            ledger = Histories.TryRead(workspace, terminal, stack);
        }

        ReleaseEdit edit;
        try
        {
            var target = ledger is not null && current.Config.Apps.TryGetValue(app, out var settings) ? RollbackTarget.Of(stack, app, settings, ledger) : null;
            edit = step switch
            {
                ReleaseStep.Promote => ReleaseOperations.Promote(current.Config, app, version!, target),
                ReleaseStep.Canary => ReleaseOperations.Canary(current.Config, app, canaryWeight),
                ReleaseStep.Switch => ReleaseOperations.Switch(current.Config, app),
                ReleaseStep.Abort => ReleaseOperations.Abort(current.Config, stack, app, ledger!),
                _ => ReleaseOperations.Rollback(current.Config, app, target),
            };
        }
        catch (ReleaseRefusedException refused)
        {
            terminal.Error($"refused: {refused.Message}");
            return ExitCodes.Problems;
        }

        if (edit.Changes.Count == 0)
        {
            terminal.Line($"{stack}: {edit.Summary}.");
            return ExitCodes.Ok;
        }
        // The binder lets DELIVERY_ variables win over the file: say so, or the edit looks lost.
        foreach (var (path, _) in edit.Changes)
        {
            foreach (var overriding in EnvironmentOverrides.Setting(ProcessEnvironment.Read(), path))
                terminal.Warning($"{stack}: warning: {EnvironmentOverrides.VariableOf(overriding)} is set in this environment and wins over the stack file for {path}; unset it to see this change.");
        }
        var edited = edit.Changes.Aggregate(original, (yaml, change) => StackFileEditor.Set(yaml, change.Path, change.Value));
        var next = Workspace.Load(edited, stack, Path.GetFileName(workspace.StackFile(stack)));
        var deployed = ledger?.StateOf(current.Config) ?? ReleaseState.Of(current.Config);
        // A rollback returns to what this stack ran before: on a bad day it must not wait on upstream.
        var upstream = step == ReleaseStep.Rollback ? null : Upstream(workspace, terminal, next);
        var problems = next.Errors
            .Concat(ReleaseGuard.Check(next.Config, deployed, upstream))
            .ToList();
        if (ProblemPrinter.PrintFor(stack, terminal, problems) || next.Stack is not { } nextValid)
        {
            terminal.Error($"refused: {edit.Summary}. Nothing was changed.");
            return ExitCodes.Problems;
        }

        terminal.Line($"{stack}: {edit.Summary}");
        if (edit.Notice is not null)
            terminal.Warning($"{stack}: note: {edit.Notice}");
        if (step == ReleaseStep.Rollback && next.Config.Upstream.Length > 0)
            terminal.Line($"  (a rollback returns to a version this stack ran: it is not checked against the promotion ladder from {next.Config.Upstream})");
        foreach (var (path, value) in edit.Changes)
            terminal.Line($"  {path} = {StackFileEditor.Format(value)}");
        var diff = PlatformDiff.Between(PlatformRenderer.Render(valid), PlatformRenderer.Render(nextValid));
        terminal.Line(diff.ToString());

        if (dryRun)
        {
            terminal.Line("dry run: nothing was written.");
            return ExitCodes.Ok;
        }
        if (viaPulumi)
            SetWithPulumi(workspace, stack, edit);
        else
            File.WriteAllText(workspace.StackFile(stack), edited);
        terminal.Success($"{stack}: {(viaPulumi ? "pulumi config updated" : $"updated {Path.GetRelativePath(workspace.Root, workspace.StackFile(stack))}")}.");
        terminal.Line($"next: pulumi preview --stack {stack} --diff   # review, then:");
        terminal.Line($"      pulumi up --stack {stack}");
        return ExitCodes.Ok;
    }

    private static UpstreamReleases? Upstream(Workspace workspace, Terminal terminal, LoadedConfig next) =>
        UpstreamVouches.Read(workspace, terminal, next)
        ?? (next.Config.Upstream.Length == 0 ? null : throw new UsageException($"the upstream stack {next.Config.Upstream} has errors; run deliver check --stack {next.Config.Upstream}."));

    /// <summary>A malformed weight is a usage error (exit 2), like a malformed option.</summary>
    private static int CanaryWeight(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var weight) && weight is >= 0 and <= 100
            ? weight
            : throw new UsageException($"the canary weight \"{text}\" is not a whole percent 0–100; give one (0 ends the canary).");

    /// <summary>All of a step's values in one <c>pulumi config set-all</c>, so a failure never leaves half a step applied.</summary>
    private static void SetWithPulumi(Workspace workspace, string stack, ReleaseEdit edit)
    {
        var pulumi = new ProcessStartInfo("pulumi") { WorkingDirectory = workspace.Root };
        foreach (var argument in new[] { "config", "set-all", "--stack", stack, "--path" })
            pulumi.ArgumentList.Add(argument);
        foreach (var (path, value) in edit.Changes)
        {
            pulumi.ArgumentList.Add("--plaintext");
            pulumi.ArgumentList.Add($"{path}={value}");
        }
        Process process;
        try
        {
            process = Process.Start(pulumi) ?? throw new UsageException("the pulumi CLI could not be started; install it, or drop --pulumi.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new UsageException("the pulumi CLI is not installed (no pulumi on PATH); install it, or drop --pulumi to edit the stack file.");
        }
        using (process)
        {
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new UsageException($"pulumi config set-all failed (exit {process.ExitCode}; its message is above); the stack file was not edited.");
        }
    }
}
