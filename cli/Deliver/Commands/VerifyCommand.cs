using System.Text.Json;
using System.Text.Json.Serialization;
using Delivery.Core.Io;
using Delivery.Core.Model;
using Delivery.Core.Model.Values;
using Delivery.Core.Release;

namespace Deliver.Commands;

/// <summary>
/// deliver verify: judges one slot of an app from what Prometheus scraped, and prints every check
/// with its PromQL, the measured value, the threshold and the verdict. Exit 0 pass, 1 fail or not
/// enough traffic, 2 cannot judge.
/// </summary>
internal static class VerifyCommand
{
    public const string Idle = "idle";
    public const string Live = "live";

    public static int Run(Workspace workspace, Terminal terminal, string stack, string app, string prometheus, string? window, string slotRole, bool json, HttpClient http)
    {
        try
        {
            var verification = Prepare(workspace, stack, app, slotRole, window);
            var queries = new PrometheusQueries(MonitoringEndpoint.Parse("Prometheus", "--prometheus", prometheus, http));
            var report = verification.Run(queries.Scalar);
            if (json)
                terminal.Line(JsonSerializer.Serialize(report, Json.VerifyReport));
            else
                Print(terminal, report);
            return report.Verdict == VerifyVerdict.Pass ? ExitCodes.Ok : ExitCodes.Problems;
        }
        catch (CannotJudgeException e)
        {
            terminal.Error(e.Message);
            return ExitCodes.CannotJudge;
        }
    }

    /// <summary>The verification of the slot <paramref name="slotRole"/> names; every reason it cannot be run is a <see cref="CannotJudgeException"/>.</summary>
    public static SlotVerification Prepare(Workspace workspace, string stack, string app, string slotRole, string? window)
    {
        var loaded = workspace.Load(stack);
        if (loaded.Stack is not { } valid)
            throw new CannotJudgeException($"cannot judge: {stack} has config errors; run deliver check --stack {stack}.");
        if (!loaded.Config.Monitoring.Enabled)
            throw new CannotJudgeException($"cannot judge: {stack} has monitoring.enabled false, so no Prometheus scrapes its apps.");
        if (UnknownApp.Message(loaded.Config, stack, app) is { } unknown)
            throw new CannotJudgeException($"cannot judge: {unknown}");
        var settings = loaded.Config.Apps[app];
        if (window is not null && Durations.Parse(window) is null)
            throw new CannotJudgeException($"cannot judge: --window \"{window}\" is not a Prometheus duration (such as 5m or 30s).");
        if (Strategies.IsRolling(settings) && slotRole == Idle)
            throw new CannotJudgeException($"cannot judge: {app} is a rolling app, with no idle slot; judge what runs with --slot {Live}.");
        var live = valid.Apps[app].Live;
        var slot = slotRole switch
        {
            Idle => Slots.Other(live),
            Live => live,
            _ => throw new CannotJudgeException($"cannot judge: --slot \"{slotRole}\" is neither {Idle} nor {Live}."),
        };
        if (Slots.Version(settings, slot).Length == 0)
            throw new CannotJudgeException($"cannot judge: {app}'s {slotRole} slot ({Slots.Name(slot)}) has no version in {stack}; stage one first: deliver promote {app} <version> --stack {stack}.");
        return new SlotVerification(valid, app, slot, window);
    }

    private static void Print(Terminal terminal, VerifyReport report)
    {
        terminal.Line($"| check | PromQL | measured | threshold | verdict |");
        terminal.Line($"| --- | --- | --- | --- | --- |");
        foreach (var check in report.Checks)
            terminal.Line($"| {check.Check} | `{check.Query.Replace("|", "\\|", StringComparison.Ordinal)}` | {check.Measured} | {check.Threshold} | {check.Verdict} |");
        terminal.Line("");
        if (report.Verdict == VerifyVerdict.Pass)
            terminal.Success(report.Summary);
        else
            terminal.Line(report.Summary);
    }

    public static readonly VerifyJsonContext Json = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter<VerifyVerdict>(JsonNamingPolicy.KebabCaseLower) },
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    });
}
