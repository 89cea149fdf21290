using System.ComponentModel;
using System.Globalization;

namespace Delivery.Core.Model;

/// <summary>
/// Lets the configuration binder fill <see cref="SecretValue"/> properties. The binder only sees
/// strings, so it yields plain text here; <see cref="Configuration.SecretMarking"/> then gives each
/// secret the state its source recorded (encrypted, from the environment, unknown offline).
/// </summary>
public sealed class SecretValueTypeConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text ? SecretValue.Plaintext(text) : base.ConvertFrom(context, culture, value);
}
