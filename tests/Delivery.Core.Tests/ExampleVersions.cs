using System.Security.Cryptography;
using System.Text;

namespace Delivery.Core.Tests;

/// <summary>
/// Versions pinned to a digest, as staging and prod require: the committed stacks' example apps use
/// the sha256 of the tag text as their digest, so a test names <c>Pinned("1.5.0")</c> for what the
/// stack file holds.
/// </summary>
internal static class ExampleVersions
{
    public static string Pinned(string tag) =>
        $"{tag}@sha256:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tag)))}";
}
