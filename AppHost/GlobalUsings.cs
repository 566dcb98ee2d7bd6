global using Mash.AppHost.Restarts;

// The servers are Debian's packages, run as processes with Unix permissions: Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
