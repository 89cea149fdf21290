using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using Delivery.Core.Model;

namespace Delivery.Core.Configuration;

/// <summary>
/// Checks each config entry against the shape of <see cref="DeliveryConfig"/> before binding:
/// unknown keys (with "did you mean"), values of the wrong type, a single value where a map is
/// expected. The binder would stop at the first of these; this reports them all, and the entries
/// it rejects are left out of binding so the rest of the model can still be checked.
/// </summary>
internal static class ConfigSchema
{
    /// <summary>The user-facing path of an accepted entry, or null (with a problem) if rejected.</summary>
    public static ConfigPath? Check(ConfigEntry entry, ICollection<ConfigProblem> problems)
    {
        var segments = entry.Key.Split(':');
        var type = typeof(DeliveryConfig);
        ConfigPath? path = null;
        foreach (var segment in segments)
        {
            var parent = path;
            switch (KindOf(type))
            {
                case Kind.Object:
                    var property = Find(type, segment);
                    if (property is null)
                    {
                        problems.Add(UnknownKey(parent, segment, type, entry));
                        return null;
                    }
                    path = Extend(parent, KeyName(property));
                    type = property.PropertyType;
                    break;
                case Kind.Map:
                    path = Extend(parent, segment);
                    type = type.GetGenericArguments()[1];
                    break;
                case Kind.List:
                    if (!int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                    {
                        problems.Add(ConfigProblem.Error(parent!.Key(segment), entry.DisplayValue,
                            $"{parent} is a list, so it has no key \"{segment}\" (from {entry.Origin}).",
                            $"give list items by position, e.g. pulumi config set --path '{parent}[0]' <value>."));
                        return null;
                    }
                    path = parent!.Index(index);
                    type = type.GetGenericArguments()[0];
                    break;
                default:
                    problems.Add(ConfigProblem.Error(parent!, null,
                        $"{parent} is a single value, but {entry.Origin} gives it a nested key \"{segment}\".",
                        $"set it as one value: pulumi config set --path {parent} <value>."));
                    return null;
            }
        }
        return CheckValue(path!, type, entry, problems) ? path : null;
    }

    /// <summary>
    /// Whether a configuration key (<c>apps:api:secretEnv:TOKEN</c>) is a secret setting of the
    /// model; unknown keys count as secret here, since they are reported as unknown anyway.
    /// </summary>
    public static bool IsSecretSetting(string key)
    {
        var type = typeof(DeliveryConfig);
        foreach (var segment in key.Split(':'))
        {
            switch (KindOf(type))
            {
                case Kind.Object:
                    if (Find(type, segment) is not { } property)
                        return true;
                    type = property.PropertyType;
                    break;
                case Kind.Map:
                    type = type.GetGenericArguments()[1];
                    break;
                case Kind.List:
                    type = type.GetGenericArguments()[0];
                    break;
                default:
                    return true;
            }
        }
        return type == typeof(SecretValue);
    }

    private static ConfigProblem EncryptedButNotSecret(ConfigPath path, ConfigEntry entry)
    {
        var segments = path.ConfigurationKey.Split(':');
        var isAppEnv = segments.Length == 4 && segments[0] == "apps" && segments[2] == "env";
        return isAppEnv
            ? ConfigProblem.Error(path, null,
                $"is encrypted (secure:), but env holds plain variables, written into the Deployment, so the value would be dropped (from {entry.Origin}).",
                $"make it a secret env var: pulumi config rm --path {path}; then pulumi config set --secret --path {ConfigPath.Root("apps").Key(segments[1]).Key("secretEnv").Key(segments[3])} <value>.")
            : ConfigProblem.Error(path, null,
                $"is encrypted (secure:), but it is not a secret setting, so its value cannot be read (from {entry.Origin}).",
                $"set it in plain text: pulumi config set --path {path} <value> (without --secret).");
    }

    /// <summary>The config key of a property: its name in camelCase.</summary>
    public static string KeyName(PropertyInfo property) =>
        char.ToLowerInvariant(property.Name[0]) + property.Name[1..];

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Every type walked here is a model type, which ILLink.Descriptors.xml keeps whole.")]
    public static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite);

    private enum Kind { Object, Map, List, Scalar }

    private static Kind KindOf(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            return Kind.Map;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            return Kind.List;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying == typeof(string) || underlying == typeof(SecretValue)
            ? Kind.Scalar
            : Kind.Object;
    }

    private static PropertyInfo? Find(Type type, string segment) =>
        Properties(type).FirstOrDefault(p => string.Equals(p.Name, segment, StringComparison.OrdinalIgnoreCase));

    private static ConfigPath Extend(ConfigPath? parent, string name) => parent?.Key(name) ?? ConfigPath.Root(name);

    private static ConfigProblem UnknownKey(ConfigPath? parent, string segment, Type type, ConfigEntry entry)
    {
        var known = Properties(type).Select(KeyName).ToList();
        var suggestion = Suggestions.Closest(segment, known);
        var variable = EnvironmentOverrides.VariableOf(entry);
        var fix = (suggestion, variable) switch
        {
            (null, null) => $"remove it; the keys known here are: {string.Join(", ", known)}.",
            (null, _) => $"unset {variable}; the keys known here are: {string.Join(", ", known)}.",
            (_, null) => $"did you mean \"{suggestion}\"? Rename it: pulumi config set --path {Extend(parent, suggestion)} <value>, then pulumi config rm --path {Extend(parent, segment)}.",
            _ => $"did you mean \"{suggestion}\"? Rename the variable to {EnvironmentOverrides.VariableFor(Extend(parent, suggestion))}.",
        };
        return ConfigProblem.Error(Extend(parent, segment), null, $"unknown key (from {entry.Origin}).", fix);
    }

    private static bool CheckValue(ConfigPath path, Type type, ConfigEntry entry, ICollection<ConfigProblem> problems)
    {
        var kind = KindOf(type);
        if (kind != Kind.Scalar)
        {
            problems.Add(ConfigProblem.Error(path, entry.DisplayValue,
                $"expects {(kind == Kind.List ? "a list" : "a map of keys")}, but {entry.Origin} gives a single value.",
                $"set its items with --path, e.g. pulumi config set --path {(kind == Kind.List ? $"'{path}[0]'" : $"{path}.<key>")} <value>."));
            return false;
        }
        if (entry.Secrecy == SecretState.SecretUnknown)
        {
            // Offline an encrypted value is only "set": fine for a secret setting, lost for any other.
            if (type != typeof(SecretValue))
                problems.Add(EncryptedButNotSecret(path, entry));
            return type == typeof(SecretValue);
        }
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var (valid, expected) = underlying switch
        {
            _ when underlying == typeof(int) => (int.TryParse(entry.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
                // A whole number past an int is named as such, not as "not a number".
                System.Numerics.BigInteger.TryParse(entry.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                    ? string.Create(CultureInfo.InvariantCulture, $"a whole number between {int.MinValue} and {int.MaxValue}") : "a whole number"),
            _ when underlying == typeof(double) => (double.TryParse(entry.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number), "a number"),
            _ when underlying == typeof(bool) => (bool.TryParse(entry.Value, out _), "true or false"),
            _ => (true, ""),
        };
        if (!valid)
        {
            problems.Add(ConfigProblem.Error(path, entry.DisplayValue, $"must be {expected} (from {entry.Origin}).",
                $"pulumi config set --path {path} <{expected}>."));
        }
        return valid;
    }
}
