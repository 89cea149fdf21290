namespace Delivery.Core.Kubernetes;

/// <summary>The htpasswd file layout the distribution registry reads: one <c>user:bcrypt</c> line.</summary>
public static class Htpasswd
{
    public static string Line(string user, string bcryptHash) => $"{user}:{bcryptHash}\n";
}
