using System.Globalization;
using System.Text;
using Delivery.Core.Release.History;

namespace Delivery.Core.Io;

/// <summary>
/// Every version of one stack file, oldest first, read with the git CLI in two processes: one
/// <c>git log</c> for the commits and their blob ids, one <c>git cat-file --batch</c> for the texts.
/// The log follows the first parent (<c>--first-parent</c>, which diffs a merge against the branch
/// it landed on: a merge is one step of the mainline, the side branch's commits are not), and
/// renames (<c>--follow</c>; a copy from another stack file is where this one starts). Uncommitted changes to the file come last, as a version with no commit.
/// </summary>
public static class StackFileHistory
{
    private const char Field = '\u001f';
    private const char Record = '\u001e';
    private const string NullBlob = "0000000000000000000000000000000000000000";

    /// <param name="root">The project folder, inside a git work tree.</param>
    /// <param name="relativePath">The stack file's path from <paramref name="root"/>, e.g. stacks/Pulumi.prod.yaml.</param>
    public static IReadOnlyList<StackFileVersion> Read(string root, string relativePath)
    {
        var git = new GitCli(root);
        // One git process for both questions: each costs a few ms of every release step.
        var answers = git.Run("rev-parse", "--is-inside-work-tree", "--is-shallow-repository").Split('\n', StringSplitOptions.TrimEntries);
        if (answers is not ["true", ..])
            throw new HistoryUnavailableException($"{root} is not inside a git work tree; the release history is the git history of {relativePath}.");
        if (answers is [_, "true", ..])
            throw new HistoryUnavailableException($"this is a shallow clone, so the history of {relativePath} is cut short; run git fetch --unshallow (in CI: checkout with fetch-depth: 0).");

        var log = git.Run("log", "--first-parent", "--follow", "--raw", "--no-abbrev", $"--format={Record}%H{Field}%an{Field}%ct{Field}%s", "--", relativePath);
        var commits = ParseLog(log);
        if (commits.Count == 0 && !File.Exists(Path.Combine(root, relativePath)))
            throw new HistoryUnavailableException($"{relativePath} has no history: it is neither committed nor in the working tree.");

        var texts = ReadBlobs(git, commits.Select(c => c.Blob).Where(b => b != NullBlob).Distinct(StringComparer.Ordinal).ToList());
        var versions = new List<StackFileVersion>(commits.Count + 1);
        foreach (var commit in Enumerable.Reverse(commits))
        {
            if (commit.Blob == NullBlob)
                continue; // the file was deleted here; the next version starts over
            versions.Add(new StackFileVersion(commit.Hash, commit.Author, commit.Time, commit.Subject, texts[commit.Blob]));
        }
        var path = Path.Combine(root, relativePath);
        if (File.Exists(path))
        {
            var text = File.ReadAllText(path);
            if (versions.Count == 0 || versions[^1].Text != text)
                versions.Add(new StackFileVersion("", "(uncommitted)", new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero), "uncommitted changes", text));
        }
        return versions;
    }

    private sealed record LoggedCommit(string Hash, string Author, DateTimeOffset Time, string Subject, string Blob);

    /// <summary>Newest first, as git prints them; the blob is the file's content after the commit.</summary>
    private static List<LoggedCommit> ParseLog(string log)
    {
        var commits = new List<LoggedCommit>();
        foreach (var entry in log.Split(Record, StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = entry.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var header = lines[0].Split(Field);
            // ":100644 100644 <old> <new> M\tpath": the commit's change to the followed file.
            var raw = lines.Skip(1).FirstOrDefault(l => l.StartsWith(':'));
            if (header.Length < 4 || raw is null)
                continue; // a commit that does not touch the file (git prints none, but be safe)
            var fields = raw.Split('\t')[0].Split(' ');
            if (fields.Length < 4)
                continue;
            var time = DateTimeOffset.FromUnixTimeSeconds(long.Parse(header[2], CultureInfo.InvariantCulture));
            commits.Add(new LoggedCommit(header[0], header[1], time, header[3], fields[3]));
            // --follow also "follows" a copy (C): a new stack file made from another one. What came
            // before is the other stack's history, not this one's: the file starts here.
            if (fields.Length > 4 && fields[4].StartsWith('C'))
                break;
        }
        return commits;
    }

    /// <summary>Each blob's text (null when git cannot read it), through one <c>git cat-file --batch</c>: "&lt;id&gt; blob &lt;size&gt;\n&lt;bytes&gt;\n" per blob.</summary>
    private static Dictionary<string, string?> ReadBlobs(GitCli git, IReadOnlyList<string> blobs)
    {
        var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (blobs.Count == 0)
            return texts;
        var output = git.RunBytes(["cat-file", "--batch"], string.Join('\n', blobs) + "\n");
        var position = 0;
        foreach (var blob in blobs)
        {
            var end = Array.IndexOf(output, (byte)'\n', position);
            if (end < 0)
                throw new HistoryUnavailableException($"git cat-file stopped early at blob {blob}: the repository may be damaged (git fsck).");
            var header = Encoding.ASCII.GetString(output, position, end - position).Split(' ');
            if (header.Length != 3 || header[1] != "blob")
            {
                texts[blob] = null; // "<id> missing": a damaged or partial clone; that version is skipped with a note
                position = end + 1;
                continue;
            }
            var size = int.Parse(header[2], CultureInfo.InvariantCulture);
            texts[blob] = Encoding.UTF8.GetString(output, end + 1, size);
            position = end + 1 + size + 1;
        }
        return texts;
    }
}
