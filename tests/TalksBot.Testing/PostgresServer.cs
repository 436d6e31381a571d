using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;
using Xunit;

namespace TalksBot.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster for one test run: initdb on a temporary folder, pg_ctl start on a free loopback port,
/// stopped and deleted at the end. It never touches a cluster the machine already runs (own data folder, own socket
/// folder, own port), so it needs only the server binaries (Debian: `apt-get install postgresql`).
/// PostgreSQL refuses to run as root; as root (CI) every server command runs as the `postgres` system user the package
/// creates, and the folders are handed to that user. A watchdog shell stops the cluster if the test process dies
/// without disposing it, so a killed test run leaves no server behind either.
/// Use it as an xunit collection fixture; each test takes a fresh database from <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string SystemUser = "postgres";
    private const string Superuser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private TempFolder? _folder;
    private string? _binaries;
    private Process? _watchdog;
    private int _databases;

    /// <summary>The loopback port the cluster listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The cluster's log file, for a test that needs to explain a failure.</summary>
    public string LogPath => Path.Combine(Folder, "server.log");

    private string Folder => _folder?.Path ?? throw new InvalidOperationException("The PostgreSQL test server was not started.");

    private string DataFolder => Path.Combine(Folder, "data");

    private string SocketFolder => Path.Combine(Folder, "socket");

    private static bool RunsAsRoot => Environment.IsPrivilegedProcess;

    /// <summary>A connection string for the cluster's maintenance database, as the superuser.</summary>
    public string AdminConnectionString => ConnectionStringFor("postgres");

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
        // Small pools: each test database gets its own pool and the cluster is started with room for a few dozen.
        MaxPoolSize = 20,
        Timeout = 30,
        CommandTimeout = 60,
    }.ConnectionString;

    /// <summary>Creates an empty database of its own for one test and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"talksbot_test_{Interlocked.Increment(ref _databases)}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await cmd.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    public async Task InitializeAsync()
    {
        _binaries = FindBinaries();
        // Created for this user alone (mode 700); as root it is handed to the server user.
        _folder = new TempFolder("talksbot-pg-");
        try
        {
            if (RunsAsRoot) await RunAsync("chown", [SystemUser + ":", Folder], asServerUser: false);
            await RunAsync("mkdir", ["-m", "700", SocketFolder], asServerUser: true);
            // --no-sync and fsync=off: a throwaway cluster needs no durability, and the machine is shared.
            await RunAsync(Path.Combine(_binaries, "initdb"),
                ["-D", DataFolder, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], asServerUser: true);
            StartWatchdog();
            await StartClusterAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartClusterAsync()
    {
        // A free port found by binding port 0 can be taken by someone else before the server binds it: try again.
        for (int attempt = 1; ; attempt++)
        {
            Port = FreePort();
            var options = $"-p {Port} -k {SocketFolder} -c listen_addresses=127.0.0.1 -c max_connections=100 -c shared_buffers=32MB " +
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            try
            {
                await RunAsync(Path.Combine(_binaries!, "pg_ctl"), ["start", "-w", "-t", "120", "-D", DataFolder, "-l", LogPath, "-o", options], asServerUser: true);
                return;
            }
            catch (InvalidOperationException ex)
            {
                if (attempt >= 3) throw new InvalidOperationException(ex.Message + Environment.NewLine + "Server log: " + LogTail(), ex);
            }
        }
    }

    private string LogTail()
    {
        try
        {
            var lines = File.ReadAllLines(LogPath);
            return string.Join(Environment.NewLine, lines.TakeLast(10));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_folder is null) return;
        if (_binaries is not null && File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            try
            {
                await RunAsync(Path.Combine(_binaries, "pg_ctl"), ["stop", "-w", "-t", "60", "-m", "fast", "-D", DataFolder], asServerUser: true);
            }
            catch (InvalidOperationException)
            {
                await RunAsync(Path.Combine(_binaries, "pg_ctl"), ["stop", "-w", "-m", "immediate", "-D", DataFolder], asServerUser: true, check: false);
            }
        }
        StopWatchdog();
        _folder.Dispose();
        _folder = null;
    }

    /// <summary>
    /// Where pg_ctl and initdb are: TALKSBOT_PG_BIN, else the newest /usr/lib/postgresql/N/bin (Debian's layout), else
    /// a clear failure that says how to install them.
    /// </summary>
    private static string FindBinaries()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("TALKSBOT_PG_BIN");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            if (File.Exists(Path.Combine(fromEnvironment, "pg_ctl"))) return fromEnvironment;
            throw new InvalidOperationException($"TALKSBOT_PG_BIN is {fromEnvironment}, but there is no pg_ctl in it.");
        }
        const string root = "/usr/lib/postgresql";
        var found = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(c => File.Exists(Path.Combine(c.Dir, "pg_ctl")) && File.Exists(Path.Combine(c.Dir, "initdb")))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Dir)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "PostgreSQL is not installed: the PostgreSQL tests start a throwaway server of their own and need its binaries " +
            "(pg_ctl, initdb) under /usr/lib/postgresql/<version>/bin. Install them with `apt-get install -y postgresql` " +
            "(no running server needed), or set TALKSBOT_PG_BIN to the folder holding pg_ctl.");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>
    /// A detached shell that waits while this process lives and the cluster folder exists; if this process dies first
    /// (killed test run), it stops the cluster and deletes the folder. Disposing kills it.
    /// </summary>
    private void StartWatchdog()
    {
        var stop = ServerCommandLine(Path.Combine(_binaries!, "pg_ctl"), ["stop", "-m", "immediate", "-D", DataFolder]);
        var script = $"""
            while [ -d "/proc/{Environment.ProcessId}" ] && [ -d "{Folder}" ]; do sleep 1; done
            if [ -d "{Folder}" ]; then {stop} >/dev/null 2>&1; rm -rf "{Folder}"; fi
            """;
        var info = new ProcessStartInfo("setsid", ["sh", "-c", script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _watchdog = Process.Start(info);
    }

    private void StopWatchdog()
    {
        if (_watchdog is null) return;
        try
        {
            if (!_watchdog.HasExited) _watchdog.Kill(entireProcessTree: true);
            _watchdog.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }
        _watchdog.Dispose();
        _watchdog = null;
    }

    private static string ServerCommandLine(string file, IEnumerable<string> args)
    {
        var line = string.Join(' ', new[] { file }.Concat(args).Select(Quote));
        return RunsAsRoot ? $"runuser -u {SystemUser} -- {line}" : line;
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";

    private static async Task RunAsync(string file, IReadOnlyList<string> args, bool asServerUser, bool check = true)
    {
        var info = asServerUser && RunsAsRoot
            ? new ProcessStartInfo("runuser", ["-u", SystemUser, "--", file, .. args])
            : new ProcessStartInfo(file, args);
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        // Server processes inherit nothing that points them at another cluster.
        info.Environment.Remove("PGDATA");
        info.Environment.Remove("PGPORT");
        info.Environment.Remove("PGHOST");

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        process.StandardInput.Close();
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(file)} did not finish within {CommandTimeout.TotalSeconds:0} s.");
        }
        output.Append(await stdout).Append(await stderr);
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} failed (exit {process.ExitCode}): {output.ToString().Trim()}");
        }
    }
}
