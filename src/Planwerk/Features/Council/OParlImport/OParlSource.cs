using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Planwerk.Features.Council.OParlImport;

/// <summary>Settings of the import (section <c>OParlImport</c>).</summary>
public sealed class OParlImportOptions
{
    /// <summary>How long one request to the source may take, in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 10;
    /// <summary>The largest JSON answer taken (files have their own limit, <see cref="PaperFile.MaxBytes"/>).</summary>
    public long MaxResponseBytes { get; set; } = 5 * 1024 * 1024;
    /// <summary>Minutes between the periodic syncs of every followed paper; 0 turns the periodic sync off.</summary>
    public int SyncIntervalMinutes { get; set; } = 60;
    /// <summary>Whether the periodic sync runs; off in tests unless set (they sync themselves).</summary>
    public bool? SyncEnabled { get; set; }
}

/// <summary>What failed at the source: the address and the reason, in German for the clerk.</summary>
public sealed class OParlSourceException(string url, string reason) : Exception(url + ": " + reason)
{
    public string Url { get; } = url;
    public string Reason { get; } = reason;
}

/// <summary>Reads an OParl server over HTTP: only http and https, redirects followed by hand (at most five, never to
/// another scheme), every answer limited in time and size, and every object checked for its type.</summary>
public sealed class OParlSource(HttpClient http, IOptions<OParlImportOptions> options)
{
    private const int MaxRedirects = 5;
    private const string SchemaPrefix = "https://schema.oparl.org/";

    /// <summary>The object at <paramref name="url"/> of the OParl type <paramref name="type"/> ("Paper", …); null when
    /// the source says it is gone (404, 410, or <c>deleted: true</c>).</summary>
    public async Task<JsonElement?> GetObjectAsync(string url, string type, CancellationToken ct)
    {
        var (status, body) = await SendAsync(url, options.Value.MaxResponseBytes, ct);
        if (status is HttpStatusCode.NotFound or HttpStatusCode.Gone) return null;
        if (status != HttpStatusCode.OK) throw new OParlSourceException(url, string.Create(CultureInfo.InvariantCulture, $"Der Server antwortet mit dem Status {(int)status}."));
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new OParlSourceException(url, "Die Antwort ist kein gültiges JSON.");
        }
        if (root.ValueKind != JsonValueKind.Object) throw new OParlSourceException(url, "Die Antwort ist kein OParl-Objekt.");
        var actual = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        if (!IsType(actual, type))
            throw new OParlSourceException(url, $"Erwartet war ein Objekt vom Typ {type}, geliefert wurde „{(actual.Length == 0 ? "ohne Typ" : actual)}“.");
        if (root.TryGetProperty("deleted", out var deleted) && deleted.ValueKind == JsonValueKind.True) return null;
        return root;
    }

    /// <summary>A list page (an object with <c>data</c>); lists carry no type of their own.</summary>
    public async Task<JsonElement> GetListAsync(string url, CancellationToken ct)
    {
        var (status, body) = await SendAsync(url, options.Value.MaxResponseBytes, ct);
        if (status != HttpStatusCode.OK) throw new OParlSourceException(url, string.Create(CultureInfo.InvariantCulture, $"Der Server antwortet mit dem Status {(int)status}."));
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : throw new OParlSourceException(url, "Die Antwort ist keine OParl-Liste.");
        }
        catch (JsonException)
        {
            throw new OParlSourceException(url, "Die Antwort ist kein gültiges JSON.");
        }
    }

    /// <summary>Whether an OParl type URL ("https://schema.oparl.org/1.1/Paper") names <paramref name="type"/> (1.0 or 1.1).</summary>
    public static bool IsType(string actual, string type) =>
        actual.StartsWith(SchemaPrefix, StringComparison.Ordinal) && actual.EndsWith("/" + type, StringComparison.Ordinal);

    /// <summary>A file's bytes, at most <paramref name="maxBytes"/>.</summary>
    public async Task<byte[]> DownloadAsync(string url, long maxBytes, CancellationToken ct)
    {
        var (status, body) = await SendAsync(url, maxBytes, ct);
        if (status != HttpStatusCode.OK) throw new OParlSourceException(url, string.Create(CultureInfo.InvariantCulture, $"Der Server antwortet mit dem Status {(int)status}."));
        return body;
    }

    /// <summary>Checks that an address is an absolute http or https URL.</summary>
    public static Uri? ParseUrl(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0 ? uri : null;

    private async Task<(HttpStatusCode Status, byte[] Body)> SendAsync(string url, long maxBytes, CancellationToken ct)
    {
        var seconds = Math.Max(1, options.Value.TimeoutSeconds);
        var address = ParseUrl(url) ?? throw new OParlSourceException(url, "Das ist keine http- oder https-Adresse.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, address);
                request.Headers.Accept.ParseAdd("application/json");
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var code = (int)response.StatusCode;
                if (code is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (hop >= MaxRedirects) throw new OParlSourceException(url, "Zu viele Weiterleitungen.");
                    var next = location.IsAbsoluteUri ? location : new Uri(address, location);
                    address = ParseUrl(next.ToString()) ?? throw new OParlSourceException(url, "Weiterleitung auf eine Adresse, die nicht http oder https ist: " + next);
                    continue;
                }
                if (response.Content.Headers.ContentLength is long length && length > maxBytes)
                    throw new OParlSourceException(address.ToString(), TooLarge(maxBytes));
                await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
                using var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int read;
                while ((read = await stream.ReadAsync(chunk, timeout.Token)) > 0)
                {
                    if (buffer.Length + read > maxBytes) throw new OParlSourceException(address.ToString(), TooLarge(maxBytes));
                    buffer.Write(chunk, 0, read);
                }
                return (response.StatusCode, buffer.ToArray());
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new OParlSourceException(address.ToString(), string.Create(CultureInfo.InvariantCulture, $"Keine Antwort innerhalb von {seconds} Sekunden."));
        }
        catch (HttpRequestException e)
        {
            throw new OParlSourceException(address.ToString(), "Der Server ist nicht erreichbar (" + e.Message + ").");
        }
    }

    private static string TooLarge(long maxBytes) =>
        string.Create(CultureInfo.InvariantCulture, $"Die Antwort ist größer als {maxBytes / 1024} KB.");
}
