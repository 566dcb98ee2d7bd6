// The AppHost runs Debian's servers as processes and these tests read /proc: Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
