namespace Delivery.Core.Ci;

/// <summary>
/// How tight CI job pods can be while Kaniko still builds images in them. Kaniko unpacks base
/// images into its own root filesystem and runs RUN steps there, so it runs as root in its
/// container (Pod Security "restricted" rejects that; "baseline" allows it). Everything else is
/// taken away: privilege escalation, every capability except those root needs to write files as
/// other users (chown, bypass permission checks, set ids and file capabilities on unpacked
/// layers), and the runtime's default seccomp profile applies. NET_RAW, MKNOD, SYS_CHROOT,
/// AUDIT_WRITE, NET_BIND_SERVICE and SETPCAP from the default set are dropped.
/// </summary>
public static class JobPodSecurity
{
    public static readonly IReadOnlyList<string> KanikoCapabilities = ["CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "SETFCAP", "SETGID", "SETUID"];
}
