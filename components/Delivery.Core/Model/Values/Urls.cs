namespace Delivery.Core.Model.Values;

public static class Urls
{
    /// <summary>An absolute http(s) URL with a host; https only unless <paramref name="allowHttp"/>.</summary>
    public static bool IsWebUrl(string text, bool allowHttp) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (allowHttp && uri.Scheme == Uri.UriSchemeHttp))
        && uri.Host.Length > 0;
}
