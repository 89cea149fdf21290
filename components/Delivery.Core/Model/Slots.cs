
namespace Delivery.Core.Model;

/// <summary>Slot arithmetic shared by the rules and the renderers.</summary>
public static class Slots
{
    /// <summary>A blue/green app's live slot; <c>rolling</c> is no value of <c>live</c>.</summary>
    public static Slot? Parse(string text) => text switch
    {
        "blue" => Slot.Blue,
        "green" => Slot.Green,
        _ => null,
    };

    public static Slot Other(Slot slot) => slot switch
    {
        Slot.Blue => Slot.Green,
        Slot.Green => Slot.Blue,
        _ => throw new InvalidOperationException("a rolling app has no other slot."),
    };

    public static string Version(AppConfig app, Slot slot) => slot switch
    {
        Slot.Blue => app.Blue,
        Slot.Green => app.Green,
        _ => app.Version,
    };

    public static string Name(Slot slot) => slot switch
    {
        Slot.Blue => "blue",
        Slot.Green => "green",
        _ => "rolling",
    };
}
