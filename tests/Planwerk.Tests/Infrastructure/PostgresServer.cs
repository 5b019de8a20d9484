using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Planwerk.Tests.Infrastructure;

/// <summary>A throw-away PostgreSQL cluster for the whole test run, made with the machine's
/// PostgreSQL binaries (initdb, pg_ctl) in a temporary folder, stopped and removed when the test process has ended.
/// Set PLANWERK_TEST_POSTGRES to a connection string to use an existing server instead.</summary>
public static class PostgresServer
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? adminConnectionString;
    private static string? dataFolder;
    private static string? binFolder;

    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = await AdminConnectionStringAsync();
        var name = "planwerk_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    private static async Task<string> AdminConnectionStringAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (adminConnectionString is not null) return adminConnectionString;
            var configured = Environment.GetEnvironmentVariable("PLANWERK_TEST_POSTGRES");
            adminConnectionString = string.IsNullOrWhiteSpace(configured) ? await StartClusterAsync() : configured;
            return adminConnectionString;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> StartClusterAsync()
    {
        binFolder = FindBinFolder();
        dataFolder = Path.Combine(Path.GetTempPath(), "planwerk-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataFolder);
        var asRoot = Environment.UserName == "root";
        if (asRoot) await RunAsync("chown", ["-R", "postgres:postgres", dataFolder], asPostgres: false);

        var port = FreePort();
        var data = Path.Combine(dataFolder, "data");
        await RunAsync(Path.Combine(binFolder, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"], asRoot);
        var options = $"-p {port} -k {dataFolder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        await RunAsync(Path.Combine(binFolder, "pg_ctl"), ["-D", data, "-o", options, "-l", Path.Combine(dataFolder, "server.log"), "-w", "-t", "60", "start"], asRoot);
        await WatchAsync(data, asRoot);
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20";
    }

    /// <summary>Stops the cluster and removes its folder once this test process has ended, however it ends: a watcher
    /// started on its own (in a new session, its parent gone at once) so that it outlives the test process. The test
    /// process's own exit handlers are not enough: the test platform ends the process without running them, which
    /// left a running cluster and its folder behind after every run.</summary>
    private static async Task WatchAsync(string data, bool asRoot)
    {
        static string Quoted(string s) => "'" + s.Replace("'", "'\\''") + "'";
        var pgCtl = Quoted(Path.Combine(binFolder!, "pg_ctl"));
        var stop = (asRoot ? "runuser -u postgres -- " : "") + $"{pgCtl} -D {Quoted(data)} -m immediate -w stop";
        var watcher = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {stop}; rm -rf {Quoted(dataFolder!)}";
        await RunAsync("sh", ["-c", $"setsid sh -c {Quoted(watcher)} >/dev/null 2>&1 < /dev/null &"], asPostgres: false);
    }

    private static string FindBinFolder()
    {
        var root = "/usr/lib/postgresql";
        var candidates = Directory.Exists(root)
            ? Directory.GetDirectories(root).OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).Select(d => Path.Combine(d, "bin"))
            : [];
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL binaries not found under /usr/lib/postgresql/*/bin; the PostgreSQL tests need initdb and pg_ctl.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process Start(string file, IReadOnlyList<string> args, bool asPostgres)
    {
        var info = new ProcessStartInfo(asPostgres ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asPostgres)
        {
            info.ArgumentList.Add("-u");
            info.ArgumentList.Add("postgres");
            info.ArgumentList.Add("--");
            info.ArgumentList.Add(file);
        }
        foreach (var a in args) info.ArgumentList.Add(a);
        return Process.Start(info)!;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> args, bool asPostgres)
    {
        using var process = Start(file, args, asPostgres);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {await output} {await error}");
    }
}
