namespace Deliver.Commands;

/// <summary>Rows as padded columns; the first row is the header.</summary>
internal static class TextTable
{
    public static IEnumerable<string> Lines(IReadOnlyList<string[]> rows) => Lines(rows, (_, _, cell) => cell);

    /// <param name="paint">Gives a cell (by row and column) its colour; padding is added after it, so colour codes do not count as width.</param>
    public static IEnumerable<string> Lines(IReadOnlyList<string[]> rows, Func<int, int, string, string> paint)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
        return rows.Select((row, index) => string.Join("  ", row.Select((cell, column) => paint(index, column, cell) + new string(' ', widths[column] - cell.Length))).TrimEnd());
    }
}
