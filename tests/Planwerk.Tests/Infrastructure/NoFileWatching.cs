using System.Runtime.CompilerServices;

namespace Planwerk.Tests.Infrastructure;

/// <summary>Every test class starts its own application, and each would watch its settings files for
/// changes with one inotify instance; Linux allows 128 per user by default, fewer than the classes the
/// suite runs side by side. Tests never change those files, so the hosts do not watch them.</summary>
internal static class NoFileWatching
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("ASPNETCORE_hostBuilder__reloadConfigOnChange", "false");
    }
}
