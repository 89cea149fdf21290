namespace Deliver;

/// <summary>Writes deliver's output: one line per message, colour only on an interactive terminal.</summary>
internal sealed class Terminal(TextWriter output, TextWriter error, bool colour)
{
    public TextWriter Output => output;

    public static bool SupportsColour() =>
        !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;

    public void Line(string text) => output.WriteLine(text);

    public void Error(string text) => error.WriteLine(Paint("31", text));

    public void Warning(string text) => error.WriteLine(Paint("33", text));

    public void Success(string text) => output.WriteLine(Paint("32", text));

    private string Paint(string code, string text) => colour ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
