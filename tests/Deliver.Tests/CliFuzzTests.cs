using Delivery.Core.Tests.Fuzz;

namespace Deliver.Tests;

/// <summary>
/// Property: whatever the dev stack file holds, <c>deliver check</c> and <c>deliver render</c> exit
/// 0, 1 or 2, print no stack trace and no exception, name a key or the file in every error line,
/// and agree (render succeeds exactly when check finds no error). Seeded, on a fixed case budget.
/// </summary>
public sealed class CliFuzzTests
{
    private const int Seed = 2026;
    private const int Cases = 250;

    [Fact]
    public void Check_and_render_survive_any_stack_file_with_one_line_errors()
    {
        using var project = new ProjectCopy();
        var fuzzer = new StackFileFuzzer(Seed, [.. new[] { "local", "dev", "staging", "prod" }.Select(ProjectCopy.Committed)]);
        var exits = new Dictionary<int, int>();
        for (var i = 0; i < Cases; i++)
        {
            var (kind, yaml) = fuzzer.Next();
            var label = $"case {i} ({kind}, seed {Seed})";
            // Lone surrogates become U+FFFD, as an editor would save them.
            File.WriteAllBytes(project.StackPath("dev"), new System.Text.UTF8Encoding(false, false).GetBytes(yaml));

            var check = project.Run("check", "--stack", "dev");
            var render = project.Run("render", "--stack", "dev");

            foreach (var (command, result) in new[] { ("check", check), ("render", render) })
            {
                Assert.True(result.ExitCode is 0 or 1 or 2, $"{label}: {command} exited {result.ExitCode}");
                Assert.False(result.Error.Contains("   at ", StringComparison.Ordinal) || result.Error.Contains("Exception", StringComparison.Ordinal),
                    $"{label}: {command} printed a trace:\n{result.Error}");
                Assert.DoesNotContain("Exception", result.Output, StringComparison.Ordinal);
                var errors = result.Error.Split('\n').Where(line => line.StartsWith("dev: error: ", StringComparison.Ordinal)).ToList();
                Assert.True(result.ExitCode != 1 || errors.Count > 0, $"{label}: {command} exited 1 with no error line:\n{result.Error}");
                Assert.All(errors, line => Assert.Matches(@"^dev: error: (Pulumi\.dev\.yaml|[^ ]+:[^ ]*)[: ]", line));
            }
            // check also reads the other stacks (upstream rules), so it may refuse what render accepts; never the reverse.
            Assert.True(check.ExitCode != 0 || render.ExitCode == 0, $"{label}: check passed but render exited {render.ExitCode}:\n{render.Error}");
            Assert.True(render.ExitCode == 0 || check.ExitCode == render.ExitCode, $"{label}: render exited {render.ExitCode}, check {check.ExitCode}");
            Assert.True(check.ExitCode == render.ExitCode || check.Error.Contains("delivery-platform:upstream", StringComparison.Ordinal),
                $"{label}: check exited {check.ExitCode}, render {render.ExitCode}:\n{check.Error}");
            exits[check.ExitCode] = exits.GetValueOrDefault(check.ExitCode) + 1;
        }

        Assert.True(exits.GetValueOrDefault(0) > 0 && exits.GetValueOrDefault(1) > 120, $"the cases reach too few outcomes: {string.Join(", ", exits)}");
    }
}
