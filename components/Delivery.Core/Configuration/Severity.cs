namespace Delivery.Core.Configuration;

public enum Severity
{
    Error,
    Warning,
}
