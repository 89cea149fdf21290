using System.Text.Json;
using System.Text.Json.Serialization;
using Delivery.Core.Io;
using Delivery.Core.Release;
using Delivery.Core.Validation;

namespace Deliver.Commands;

/// <summary>
/// deliver images: the full image references (registry/repository:tag@digest) the stack runs, one
/// a line, for the release workflow's image scan; with --changed-against, only those the up would
/// make live or stage (<see cref="ReleaseImages"/>). --severity prints the Trivy severities the
/// stack's scan fails on instead (<c>release.scanSeverity</c>); --json both.
/// </summary>
internal static class ImagesCommand
{
    private static readonly ImagesJsonContext Json = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter<Delivery.Core.Model.Slot>(JsonNamingPolicy.CamelCase) },
    });

    public static int Run(Workspace workspace, Terminal terminal, string stack, string? changedAgainst, bool severity, bool json)
    {
        Delivery.Core.Model.DeliveryConfig config;
        ReleaseChange? change = null;
        if (changedAgainst is null)
        {
            var loaded = workspace.Load(stack);
            if (ProblemPrinter.PrintFor(stack, terminal, loaded.Problems))
                return ExitCodes.Problems;
            config = loaded.Config;
        }
        else
        {
            try
            {
                change = GateCommand.Change(workspace, stack, changedAgainst, out var current);
                config = current.Config;
            }
            catch (CannotJudgeException e)
            {
                terminal.Error(e.Message);
                return ExitCodes.Problems;
            }
        }
        var images = ReleaseImages.Of(config, change);
        var severities = ScanRules.Normalized(config.Release);
        if (json)
            terminal.Line(JsonSerializer.Serialize(new ImagesJson(stack, severities, images), Json.ImagesJson));
        else if (severity)
            terminal.Line(severities);
        else
            foreach (var image in images)
                terminal.Line(image.Reference);
        return ExitCodes.Ok;
    }
}
