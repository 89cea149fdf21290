namespace Deliver.Commands;

internal enum ReleaseStep
{
    Promote,
    Canary,
    Switch,
    Rollback,
    Abort,
}
