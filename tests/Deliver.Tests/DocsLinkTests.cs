using System.Text;
using System.Text.RegularExpressions;

namespace Deliver.Tests;

/// <summary>Every relative link in README.md and docs/ leads to a file that exists, and to a heading in it.</summary>
public sealed partial class DocsLinkTests
{
    [Fact]
    public void Every_relative_link_resolves_to_a_file_and_heading()
    {
        var root = TestRepository.Root();
        var files = new[] { "README.md" }.Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(root, path)));
        var broken = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(Path.Combine(root, file));
            foreach (Match link in Link().Matches(WithoutCode(text)))
            {
                var target = link.Groups["target"].Value;
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                    continue;
                var (path, anchor) = target.IndexOf('#') is var hash and >= 0 ? (target[..hash], target[(hash + 1)..]) : (target, "");
                var resolved = path.Length == 0 ? file : Path.GetRelativePath(root, Path.GetFullPath(Path.Combine(root, Path.GetDirectoryName(file)!, path)));
                var full = Path.Combine(root, resolved);
                if (!File.Exists(full) && !Directory.Exists(full))
                    broken.Add($"{file}: {target} (no such file)");
                else if (anchor.Length > 0 && !Anchors(File.ReadAllText(full)).Contains(anchor))
                    broken.Add($"{file}: {target} (no such heading in {resolved})");
            }
        }
        Assert.True(broken.Count == 0, "broken links:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void Anchors_are_the_ones_GitHub_makes()
    {
        Assert.Equal(["appsname", "the-release-invariants", "exit-codes-of-verify-and-gate", "faq", "faq-1"],
            Anchors("## `apps.<name>`\n### The release invariants\n## Exit codes of `verify` and `gate`\n## FAQ\n## FAQ\n```sh\n# not a heading\n```\n"));
    }

    /// <summary>GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered.</summary>
    private static List<string> Anchors(string markdown)
    {
        var anchors = new List<string>();
        foreach (var line in WithoutCode(markdown).Split('\n'))
        {
            var heading = Heading().Match(line);
            if (!heading.Success)
                continue;
            var slug = new StringBuilder();
            foreach (var c in heading.Groups["title"].Value.Trim().ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c) || c is '-' or '_')
                    slug.Append(c);
                else if (c == ' ')
                    slug.Append('-');
            }
            var repeats = anchors.Count(a => a == slug.ToString());
            anchors.Add(repeats == 0 ? slug.ToString() : $"{slug}-{repeats}");
        }
        return anchors;
    }

    private static string WithoutCode(string markdown) => Fence().Replace(markdown, "");

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#{1,6} (?<title>.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Fence();
}
