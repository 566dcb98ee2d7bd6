// The AppHost runs Debian's servers as processes: Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
