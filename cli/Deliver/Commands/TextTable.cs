namespace Deliver.Commands;

/// <summary>Rows as padded columns; the first row is the header.</summary>
internal static class TextTable
{
    public static IEnumerable<string> Lines(IReadOnlyList<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
        return rows.Select(row => string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
    }
}
