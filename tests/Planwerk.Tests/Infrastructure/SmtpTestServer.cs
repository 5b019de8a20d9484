using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using Planwerk.Data;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Planwerk.Tests.Infrastructure;

/// <summary>A real SMTP server on a free loopback port that keeps every message it receives, so
/// mail tests go through the same SMTP conversation as production does.</summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly List<MimeMessage> messages = [];
    private readonly SemaphoreSlim arrived = new(0);
    private readonly CancellationTokenSource stop = new();
    private Task running = Task.CompletedTask;

    private SmtpTestServer(int port) => Port = port;

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Messages
    {
        get
        {
            lock (messages) return [.. messages];
        }
    }

    public static async Task<SmtpTestServer> StartAsync()
    {
        var server = new SmtpTestServer(FreePort());
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, server.Port)))
            .Build();
        var provider = new SmtpServer.ComponentModel.ServiceProvider();
        provider.Add(new Store(server));
        var smtp = new SmtpServer.SmtpServer(options, provider);
        server.running = smtp.StartAsync(server.stop.Token);
        await server.WaitUntilListeningAsync();
        return server;
    }

    /// <summary>The first message to <paramref name="address"/> that has arrived or arrives within the timeout.</summary>
    public async Task<MimeMessage> WaitForMessageToAsync(string address, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var found = MessagesTo(address);
            if (found.Count > 0) return found[0];
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"No mail to {address} arrived; received: {string.Join(", ", Messages.SelectMany(m => m.To.Mailboxes).Select(m => m.Address))}");
            await arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    public IReadOnlyList<MimeMessage> MessagesTo(string address) =>
        Messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
            // Stopping is what was asked for.
        }
        stop.Dispose();
        arrived.Dispose();
    }

    private void Receive(MimeMessage message)
    {
        lock (messages) messages.Add(message);
        arrived.Release();
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(SmtpTestServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            server.Receive(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}

/// <summary>The application sending its mail over SMTP to a <see cref="SmtpTestServer"/> of its own.</summary>
public abstract class MailingApp(DatabaseProvider provider) : PlanwerkApp(provider)
{
    public SmtpTestServer Smtp { get; private set; } = null!;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Mail:SmtpHost", "127.0.0.1"),
        new("Mail:SmtpPort", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Mail:PickupDirectory", ""),
    ];

    public override async Task InitializeAsync()
    {
        Smtp = await SmtpTestServer.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed class MailingSqliteApp() : MailingApp(DatabaseProvider.Sqlite);

public sealed class MailingPostgresApp() : MailingApp(DatabaseProvider.Postgres);
