using System.Diagnostics;

namespace Delivery.Core.Model;

/// <summary>How a secret config value was given.</summary>
public enum SecretState
{
    /// <summary>No value.</summary>
    Missing,
    /// <summary>Given as plain text: it would be committed to the stack file unencrypted.</summary>
    Plaintext,
    /// <summary>Given as a Pulumi secret (or from the environment), value known.</summary>
    Secret,
    /// <summary>A <c>secure:</c> ciphertext read offline: set, but its value is unknown here.</summary>
    SecretUnknown,
}

/// <summary>
/// A config value that must never be printed. ToString, debugger display and serializers see only
/// its state; the value leaves through <see cref="Reveal"/>, which only the Pulumi shell calls, to
/// wrap it straight into a secret Output.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class SecretValue : IEquatable<SecretValue>
{
    private readonly string? _value;

    private SecretValue(SecretState state, string? value)
    {
        State = state;
        _value = value;
    }

    /// <summary>
    /// Not set: the generated binder's placeholder for a secret setting it meets, which
    /// SecretMarking then replaces with the state its winning entry recorded.
    /// </summary>
    public SecretValue()
        : this(SecretState.Missing, null)
    {
    }

    public static SecretValue Missing { get; } = new(SecretState.Missing, null);
    public static SecretValue SetButUnknown { get; } = new(SecretState.SecretUnknown, null);
    public static SecretValue Plaintext(string value) => new(SecretState.Plaintext, value);
    public static SecretValue Secret(string value) => new(SecretState.Secret, value);

    public SecretState State { get; }

    public bool IsSet => State != SecretState.Missing;

    /// <summary>True where the value can be handed to a resource (known, whether or not encrypted).</summary>
    public bool HasKnownValue => _value is not null;

    /// <summary>The value itself, for the shell to wrap in a secret Output; never log it.</summary>
    public string Reveal() =>
        _value ?? throw new InvalidOperationException($"The secret is {Describe(State)}; its value cannot be revealed.");

    public override string ToString() => $"[secret: {Describe(State)}]";

    private static string Describe(SecretState state) => state switch
    {
        SecretState.Missing => "not set",
        SecretState.Plaintext => "set in plain text",
        SecretState.Secret => "set",
        SecretState.SecretUnknown => "set, encrypted",
        _ => "unknown state",
    };

    public bool Equals(SecretValue? other) =>
        other is not null && State == other.State && string.Equals(_value, other._value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as SecretValue);

    public override int GetHashCode() => HashCode.Combine(State, _value);
}
