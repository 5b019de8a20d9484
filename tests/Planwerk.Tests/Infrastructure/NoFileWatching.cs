using System.Runtime.CompilerServices;

namespace Planwerk.Tests.Infrastructure;

/// <summary>Every test class starts its own application, and each would watch its settings files for
/// changes, and its static files for the version stamps of their addresses, with inotify instances; Linux
/// allows 128 per user by default, fewer than the suite's hosts need side by side. Tests never change
/// those files: settings are not watched, and files are checked by polling, which needs no instance.</summary>
internal static class NoFileWatching
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("ASPNETCORE_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
