using System.Text.RegularExpressions;

namespace Delivery.Core.Model.Values;

/// <summary>The naming rules of Kubernetes, DNS and image references.</summary>
public static partial class Names
{
    /// <summary>Longest app name, so that <c>&lt;app&gt;-green</c> fits a 63-character Kubernetes name.</summary>
    public const int MaxAppName = 57;

    /// <summary>DNS-1035 label (Service names): lower case, starts with a letter, at most 63.</summary>
    public static bool IsDns1035Label(string name) => name.Length <= 63 && Dns1035Label().IsMatch(name);

    /// <summary>DNS-1123 subdomain (host names, most object names).</summary>
    public static bool IsDns1123Subdomain(string name) => name.Length <= 253 && Dns1123Subdomain().IsMatch(name);

    /// <summary>An image repository path without registry host or tag (<c>team/api</c>).</summary>
    public static bool IsImageRepository(string path) => path.Length <= 255 && ImageRepository().IsMatch(path);

    /// <summary>A registry address without scheme: host[:port][/path].</summary>
    public static bool IsRegistryAddress(string address) => RegistryAddress().IsMatch(address);

    public static bool IsIpAddress(string text) => System.Net.IPAddress.TryParse(text, out _);

    /// <summary>An environment variable name Kubernetes accepts.</summary>
    public static bool IsEnvVarName(string name) => EnvVarName().IsMatch(name);

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1035Label();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex(@"^[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex ImageRepository();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*(:[0-9]{1,5})?(/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex RegistryAddress();

    [GeneratedRegex("^[-._a-zA-Z][-._a-zA-Z0-9]*$")]
    private static partial Regex EnvVarName();
}
