namespace Delivery.Core.Model;

/// <summary>Whose CI runners the platform hosts (<c>ci.mode</c>, spelled as <see cref="CiConfig.Modes"/> names it).</summary>
public enum CiMode
{
    None,
    GitHub,
    GitLab,
}
