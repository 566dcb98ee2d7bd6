// The AppHost runs Debian's servers as processes and the benchmark reads /proc: Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
