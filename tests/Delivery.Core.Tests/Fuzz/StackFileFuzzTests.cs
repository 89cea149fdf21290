using Delivery.Core.Configuration;
using Delivery.Core.Platform;
using Delivery.Core.Validation;

namespace Delivery.Core.Tests.Fuzz;

/// <summary>
/// Property: no stack file makes reading, loading, validating or rendering throw. Every generated
/// file either loads without errors (and then renders) or is refused with errors that each name a
/// config key or the file, with no exception text. Seeded, on a fixed case budget.
/// </summary>
public sealed class StackFileFuzzTests
{
    private const int Seed = 13;
    private const int Cases = 2_500;

    [Fact]
    public void No_generated_stack_file_throws_and_every_error_names_a_key_or_the_file()
    {
        var fuzzer = new StackFileFuzzer(Seed, [.. new[] { "local", "dev", "staging", "prod" }.Select(s => File.ReadAllText(TestConfigs.StackFile(s)))]);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Cases; i++)
        {
            var (kind, yaml) = fuzzer.Next();
            var outcome = Run(yaml, $"case {i} ({kind}, seed {Seed})");
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        // The generator must reach both sides, or the property says little.
        Assert.True(outcomes.GetValueOrDefault("rendered") > 50, $"few valid cases: {string.Join(", ", outcomes)}");
        Assert.True(outcomes.GetValueOrDefault("refused") > 1_000, $"few refused cases: {string.Join(", ", outcomes)}");
    }

    private static string Run(string yaml, string label)
    {
        LoadedConfig loaded;
        try
        {
            loaded = DeliveryConfigLoader.Load(StackFileReader.Parse(yaml, "dev", "Pulumi.dev.yaml"), TestConfigs.NoEnvironment);
            if (!loaded.HasErrors)
                PlatformRenderer.Render(loaded.Valid());
        }
        catch (Exception e)
        {
            Assert.Fail($"{label} threw {e.GetType().Name}: {e.Message}\n--- file ---\n{Shorten(yaml)}");
            throw;
        }
        foreach (var problem in loaded.Errors)
        {
            Assert.True(problem.Key == "Pulumi.dev.yaml" || problem.Key.Contains(':', StringComparison.Ordinal),
                $"{label}: the error names no key: {problem}");
            Assert.DoesNotContain("Exception", problem.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", problem.ToString(), StringComparison.Ordinal);
        }
        return loaded.HasErrors ? "refused" : "rendered";
    }

    private static string Shorten(string yaml) => yaml.Length > 2_000 ? yaml[..2_000] + "…" : yaml;
}
