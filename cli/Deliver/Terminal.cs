namespace Deliver;

/// <summary>Writes deliver's output: one line per message, colour only on an interactive terminal.</summary>
internal sealed class Terminal(TextWriter output, TextWriter error, bool colour)
{
    public TextWriter Output => output;

    public static bool SupportsColour() => SupportsColour(Console.IsOutputRedirected, Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>Colour only on a terminal (never into a pipe or file), and never with NO_COLOR set to anything but "" (https://no-color.org).</summary>
    public static bool SupportsColour(bool outputRedirected, string? noColor) => !outputRedirected && string.IsNullOrEmpty(noColor);

    public void Line(string text) => output.WriteLine(text);

    public void Error(string text) => error.WriteLine(Paint("31", text));

    public void Warning(string text) => error.WriteLine(Paint("33", text));

    public void Success(string text) => output.WriteLine(Paint("32", text));

    /// <summary>Text that should stand out (bold).</summary>
    public string Emphasis(string text) => Paint("1", text);

    /// <summary>Text that needs someone's attention (red).</summary>
    public string Alarm(string text) => Paint("31", text);

    private string Paint(string code, string text) => colour ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
