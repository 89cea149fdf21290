using System.CommandLine;
using Deliver.Commands;
using Delivery.Core.Io;

namespace Deliver;

/// <summary>deliver's commands and options; each command's work is in Commands/.</summary>
internal static class DeliverCli
{
    public static int Run(string[] args, TextWriter output, TextWriter error, string workingDirectory, bool colour)
    {
        var terminal = new Terminal(output, error, colour);
        var root = new Option<string?>("--root") { Description = "The project folder (holding Pulumi.yaml); default: found from the current folder.", Recursive = true };
        var stack = new Option<string?>("--stack", "-s") { Description = "The stack (stacks/Pulumi.<stack>.yaml)." };
        var requiredStack = new Option<string>("--stack", "-s") { Description = "The stack (stacks/Pulumi.<stack>.yaml).", Required = true };
        var all = new Option<bool>("--all") { Description = "Every stack in stacks/." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the change and its effect; write nothing." };
        var viaPulumi = new Option<bool>("--pulumi") { Description = "Run pulumi config set --path instead of editing the stack file." };
        var app = new Argument<string>("app") { Description = "The app's name (its key under apps)." };
        var version = new Argument<string>("version") { Description = "The version to stage: semver or sha256 digest." };
        var output_ = new Option<string?>("--out") { Description = "Write one YAML file per component (and charts/) into this folder." };
        var against = new Option<string>("--against") { Description = "The other config: a stack file path, or a git revision of this stack's file.", Required = true };

        var report = new Option<bool>("--json") { Description = "Print the report as JSON (docs/json.md); errors still go to stderr, exit codes are the same." };

        Workspace Workspace(ParseResult parsed) => Deliver.Workspace.Find(parsed.GetValue(root) ?? workingDirectory);

        var check = new Command("check", "Validate stack files; print every problem with its key and fix. Exit 1 on errors.") { stack, all, report };
        check.SetAction(parsed => Guard(terminal, () => CheckCommand.Run(Workspace(parsed), terminal, parsed.GetValue(stack), parsed.GetValue(all), parsed.GetValue(report))));

        var render = new Command("render", "Write every Kubernetes object and chart spec the stack deploys.") { requiredStack, output_ };
        render.SetAction(parsed => Guard(terminal, () => RenderCommand.Run(Workspace(parsed), terminal, parsed.GetValue(requiredStack)!, parsed.GetValue(output_))));

        var releases = new Option<bool>("--releases") { Description = "First the release summary: events since the base revision, freeze, ladder and staging verdicts." };
        var diff = new Command("diff", "Objects added, removed and changed between another config of the stack and the current one.") { requiredStack, against, releases, report };
        diff.SetAction(parsed => Guard(terminal, () => DiffCommand.Run(Workspace(parsed), terminal, parsed.GetValue(requiredStack)!, parsed.GetValue(against)!, parsed.GetValue(releases),
            parsed.GetValue(report))));

        var wide = new Option<bool>("--wide") { Description = "Also idle replicas, release ids and longer digests." };
        var status = new Command("status", "Per app: phase, live and idle versions, canary, upstream, rollback target (--wide: release ids).") { stack, wide, report };
        status.SetAction(parsed => Guard(terminal, () => StatusCommand.Run(Workspace(parsed), terminal, parsed.GetValue(stack), parsed.GetValue(wide), parsed.GetValue(report))));

        var promote = new Command("promote", "Stage a version in the app's idle slot.") { app, version, requiredStack, dryRun, viaPulumi };
        promote.SetAction(parsed => Guard(terminal, () => ReleaseCommand.Run(Workspace(parsed), terminal, ReleaseStep.Promote,
            parsed.GetValue(requiredStack)!, parsed.GetValue(app)!, parsed.GetValue(version), null, parsed.GetValue(dryRun), parsed.GetValue(viaPulumi))));

        var @switch = new Command("switch", "Make the app's idle slot live.") { app, requiredStack, dryRun, viaPulumi };
        @switch.SetAction(parsed => Guard(terminal, () => ReleaseCommand.Run(Workspace(parsed), terminal, ReleaseStep.Switch,
            parsed.GetValue(requiredStack)!, parsed.GetValue(app)!, null, null, parsed.GetValue(dryRun), parsed.GetValue(viaPulumi))));

        var weight = new Argument<string>("weight") { Description = "Percent of the host's traffic for the idle slot, 0–100; 0 ends the canary." };
        var canary = new Command("canary", "Send a share of the app's traffic to its idle slot.") { app, weight, requiredStack, dryRun, viaPulumi };
        canary.SetAction(parsed => Guard(terminal, () => ReleaseCommand.Run(Workspace(parsed), terminal, ReleaseStep.Canary,
            parsed.GetValue(requiredStack)!, parsed.GetValue(app)!, null, parsed.GetValue(weight), parsed.GetValue(dryRun), parsed.GetValue(viaPulumi))));

        var rollback = new Command("rollback", "Make the version live before the app's last switch live again (from the git history).") { app, requiredStack, dryRun, viaPulumi };
        rollback.SetAction(parsed => Guard(terminal, () => ReleaseCommand.Run(Workspace(parsed), terminal, ReleaseStep.Rollback,
            parsed.GetValue(requiredStack)!, parsed.GetValue(app)!, null, null, parsed.GetValue(dryRun), parsed.GetValue(viaPulumi))));

        var abort = new Command("abort", "Un-stage: the idle slot gets back the version it held before the last promote (from the git history).") { app, requiredStack, dryRun, viaPulumi };
        abort.SetAction(parsed => Guard(terminal, () => ReleaseCommand.Run(Workspace(parsed), terminal, ReleaseStep.Abort,
            parsed.GetValue(requiredStack)!, parsed.GetValue(app)!, null, null, parsed.GetValue(dryRun), parsed.GetValue(viaPulumi))));

        var historyStack = new Option<string?>("--stack", "-s") { Description = "Only this stack (default: every stack in stacks/)." };
        var historyApp = new Option<string?>("--app") { Description = "Only this app's events (and the stacks' freezes)." };
        var since = new Option<string?>("--since") { Description = "Only events this recent: 30d, 12h, 2w, 90m (default: all; 30d for --dora)." };
        var json = new Option<bool>("--json") { Description = "JSON instead of a table." };
        var dora = new Option<bool>("--dora") { Description = "Deployment frequency, change failure rate, time to restore, lead time for changes." };
        var window = new Option<string>("--window") { Description = "With --dora: a deployment failed if rolled back within this time.", DefaultValueFactory = _ => "1d" };
        var verbose = new Option<bool>("--verbose") { Description = "Every skipped stack file version's note, full versions and release ids." };
        var history = new Command("history", "Release events from the stack files' git history, newest first; --dora for the figures.") { historyStack, historyApp, since, json, dora, window, verbose };
        history.SetAction(parsed => Guard(terminal, () => HistoryCommand.Run(Workspace(parsed), terminal, parsed.GetValue(historyStack), parsed.GetValue(historyApp),
            parsed.GetValue(since), parsed.GetValue(json), parsed.GetValue(dora), parsed.GetValue(window)!, parsed.GetValue(verbose))));

        var reason = new Option<string>("--reason") { Description = "Why, for the people who read the stack file and the history.", Required = true };
        var freeze = new Command("freeze", "Freeze the stack: refuse every release step but the rollback and a lower canary weight.") { requiredStack, reason };
        freeze.SetAction(parsed => Guard(terminal, () => RulesCommand.Freeze(Workspace(parsed), terminal, parsed.GetValue(requiredStack)!, parsed.GetValue(reason)!)));
        var unfreeze = new Command("unfreeze", "Lift the stack's freeze (deploy that alone, before any release step).") { requiredStack };
        unfreeze.SetAction(parsed => Guard(terminal, () => RulesCommand.Unfreeze(Workspace(parsed), terminal, parsed.GetValue(requiredStack)!)));
        var hotfixReason = new Option<string?>("--reason") { Description = "Why this app may take a version its upstream has not run." };
        var clear = new Option<bool>("--clear") { Description = "Remove the app's hotfix reason." };
        var hotfix = new Command("hotfix", "Let an app take a version its upstream has not run, with a reason (deploy that alone first), or --clear it.") { app, requiredStack, hotfixReason, clear };
        hotfix.SetAction(parsed => Guard(terminal, () => RulesCommand.Hotfix(Workspace(parsed), terminal, parsed.GetValue(requiredStack)!, parsed.GetValue(app)!,
            parsed.GetValue(clear) ? "" : !string.IsNullOrWhiteSpace(parsed.GetValue(hotfixReason)) ? parsed.GetValue(hotfixReason)!
                : throw new UsageException("give the hotfix's reason (--reason \"<why>\") or --clear."))));

        var (verify, gate, staged) = GateCommands(terminal, Workspace, requiredStack, app, report);

        var changedAgainst = new Option<string?>("--changed-against") { Description = "Only the images this up would make live or stage against the deployed state (a git revision of the stack file, or a file)." };
        var severity = new Option<bool>("--severity") { Description = "Print the Trivy severities the stack's image scan fails on (release.scanSeverity) instead." };
        var imagesJson = new Option<bool>("--json") { Description = "JSON: the stack, its scan severities and each image (app, slot, version, reference)." };
        var images = new Command("images", "The full image references (registry/repository:tag@digest) the stack runs, one a line, for the release's image scan.") { requiredStack, changedAgainst, severity, imagesJson };
        images.SetAction(parsed => Guard(terminal, () => ImagesCommand.Run(Workspace(parsed), terminal, parsed.GetValue(requiredStack)!, parsed.GetValue(changedAgainst),
            parsed.GetValue(severity), parsed.GetValue(imagesJson))));

        var changeText = new Argument<string>("text") { Description = "The app change's commit message or pull request title." };
        var ticket = new Command("ticket", "Print the ticket id a change names (release.ticketPattern); exit 1 when it names none.") { changeText, requiredStack };
        ticket.SetAction(parsed => Guard(terminal, () => TicketCommand.Run(Workspace(parsed), terminal, parsed.GetValue(requiredStack)!, parsed.GetValue(changeText)!)));

        var notifyEvent = new Argument<string>("event") { Description = "approval (the release waits for a person's approval) or refused (the gate refused it)." };
        notifyEvent.AcceptOnlyFromAmong(NotifyCommand.Approval, NotifyCommand.Refused);
        var summary = new Option<string?>("--summary") { Description = "A file with the release summary to post (the release script's)." };
        var link = new Option<string?>("--link") { Description = "The CI run to link (where to approve, or what refused or rolled back); default: this run's (GitHub run URL, GitLab pipeline URL)." };
        var notify = new Command("notify", "Post the release summary to the stack's team chat (release.chat): Slack, Teams, DingTalk or Feishu. Exit 0 sent or no chat, 1 not sent.")
            { notifyEvent, requiredStack, summary, link };
        notify.SetAction(parsed => Guard(terminal, () => NotifyCommand.Run(Workspace(parsed), terminal, parsed.GetValue(requiredStack)!, parsed.GetValue(notifyEvent)!,
            parsed.GetValue(summary), parsed.GetValue(link), Http.Value)));

        var cause = new Option<string>("--cause") { Description = "What happened, in a sentence (the release script says which check failed).", Required = true };
        var verdict = new Option<string?>("--verdict") { Description = "The verification that judged the release: a file with the JSON that deliver verify <app> prints." };
        var detected = new Option<string?>("--detected") { Description = "When the failure was detected (ISO 8601 or Unix seconds); default: now." };
        var rolledBack = new Option<string?>("--rolled-back") { Description = "When the rollback was applied (ISO 8601 or Unix seconds)." };
        var api = new Option<string?>("--api") { Description = "The tracker's REST API; default: this CI's (GITHUB_API_URL, CI_API_V4_URL) or the public one." };
        var incident = new Command("incident", "File an incident of an app's release in the stack's issue tracker (release.incidents); the same incident comments on its open issue. Exit 0 filed or no tracker, 1 not filed.")
            { app, requiredStack, cause, verdict, detected, rolledBack, api, link };
        incident.SetAction(parsed => Guard(terminal, () => IncidentCommand.Run(Workspace(parsed), terminal, parsed.GetValue(requiredStack)!, parsed.GetValue(app)!, parsed.GetValue(cause)!,
            parsed.GetValue(verdict), parsed.GetValue(detected), parsed.GetValue(rolledBack), parsed.GetValue(api), parsed.GetValue(link), Http.Value)));

        var command = new RootCommand("deliver: check, render, diff and release Delivery Platform stacks, offline.")
        {
            root, check, render, diff, status, promote, canary, @switch, rollback, abort, freeze, unfreeze, hotfix, history, verify, gate, staged, images, ticket, notify, incident,
        };
        var parsed = command.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var line in UsageErrors.Lines(parsed))
                terminal.Error(line);
            return ExitCodes.Usage;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>verify, gate and staged: the release gates that read monitoring.</summary>
    private static (Command Verify, Command Gate, Command Staged) GateCommands(Terminal terminal, Func<ParseResult, Workspace> workspace, Option<string> stack, Argument<string> app,
        Option<bool> report)
    {
        var prometheus = new Option<string>("--prometheus") { Description = "Prometheus's base URL (http://…:9090).", Required = true };
        var optionalPrometheus = new Option<string?>("--prometheus") { Description = "Prometheus's base URL; with it, a fast-burning error budget also refuses." };
        var alertmanager = new Option<string>("--alertmanager") { Description = "Alertmanager's base URL (http://…:9093).", Required = true };
        var window = new Option<string?>("--window") { Description = "The range to judge over (a Prometheus duration); default: the app's verify.window." };
        var slot = new Option<string>("--slot") { Description = "The slot to judge: idle (the candidate, also held to the live slot's p95) or live.", DefaultValueFactory = _ => VerifyCommand.Idle };
        slot.AcceptOnlyFromAmong(VerifyCommand.Idle, VerifyCommand.Live);
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var fileIncident = new Option<bool>("--file-incident")
        { Description = "On a refusal for firing critical alerts, open (or update) its incident issue in release.incidents' tracker; the refusal stands whatever the tracker answers." };
        var against = new Option<string>("--against") { Description = "The deployed state: the stack's releaseState output in a file (pulumi stack output releaseState --json), a git revision of the stack file, or a stack file.", DefaultValueFactory = _ => GateCommand.DefaultAgainst };

        var verify = new Command("verify", "Judge one slot of an app from its metrics. Exit 0 pass, 1 fail or not enough traffic, 2 cannot judge.") { app, stack, prometheus, window, slot, json };
        verify.SetAction(parsed => Guard(terminal, () => VerifyCommand.Run(workspace(parsed), terminal, parsed.GetValue(stack)!, parsed.GetValue(app)!,
            parsed.GetValue(prometheus)!, parsed.GetValue(window), parsed.GetValue(slot)!, parsed.GetValue(json), Http.Value)));

        var gate = new Command("gate", "Refuse a release while a critical alert fires or an error budget burns fast; a rollback passes. Exit 0 pass, 1 refused, 2 cannot judge.")
            { stack, alertmanager, optionalPrometheus, against, report, fileIncident };
        gate.SetAction(parsed => Guard(terminal, () => GateCommand.Run(workspace(parsed), terminal, parsed.GetValue(stack)!, parsed.GetValue(alertmanager)!,
            parsed.GetValue(optionalPrometheus), parsed.GetValue(against)!, Http.Value, parsed.GetValue(report), parsed.GetValue(fileIncident))));

        var staged = new Command("staged", "The slots with a new version against the deployed state, one tab-separated line each (for the release script).") { stack, against, report };
        staged.SetAction(parsed => Guard(terminal, () => StagedCommand.Run(workspace(parsed), terminal, parsed.GetValue(stack)!, parsed.GetValue(against)!, parsed.GetValue(report))));
        return (verify, gate, staged);
    }

    private static readonly Lazy<HttpClient> Http = new(MonitoringEndpoint.DefaultClient);

    /// <summary>
    /// Usage mistakes and what the machine refuses (a file that cannot be written, a tool that is not
    /// installed) become one line and exit code 2, never a stack trace.
    /// </summary>
    private static int Guard(Terminal terminal, Func<int> command)
    {
        try
        {
            return command();
        }
        catch (UsageException e)
        {
            terminal.Error($"error: {e.Message}");
        }
        catch (CannotJudgeException e)
        {
            terminal.Error(e.Message);
            return ExitCodes.CannotJudge;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            terminal.Error($"error: {e.Message}");
        }
        return ExitCodes.Usage;
    }
}
