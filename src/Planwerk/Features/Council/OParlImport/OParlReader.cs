using System.Text.Json;

namespace Planwerk.Features.Council.OParlImport;

/// <summary>Reads one paper and everything it names from an OParl source into an <see cref="OParlSnapshot"/>; writes
/// nothing. Any failure (unreachable, slow, not JSON, wrong type, a field of the wrong kind, a file that is too large
/// or of a type papers may not carry) is an <see cref="OParlSourceException"/> naming the address and the reason.</summary>
public sealed class OParlReader(OParlSource source)
{
    /// <summary>The most list pages walked to find a paper by its reference.</summary>
    public const int MaxListPages = 50;

    /// <summary>The paper's OParl id: <paramref name="paper"/> itself when it is an address, else the paper with that
    /// reference in the body's paper list (the endpoint is a body, or a system with exactly one body).</summary>
    public async Task<string> ResolvePaperAsync(string endpoint, string paper, CancellationToken ct)
    {
        if (OParlSource.ParseUrl(paper) is { } direct) return direct.ToString();
        var body = await BodyAsync(endpoint, ct);
        var list = new OParlFields(body, endpoint).Text("paper") ?? throw new OParlSourceException(endpoint, "Die Körperschaft nennt keine Liste der Vorlagen („paper“).");
        var reference = paper.Trim();
        var url = list;
        for (var page = 0; page < MaxListPages && url is not null; page++)
        {
            var listPage = await ListPageAsync(url, ct);
            foreach (var item in listPage.Data)
            {
                var fields = new OParlFields(item, url);
                if (string.Equals(fields.Text("reference")?.Trim(), reference, StringComparison.OrdinalIgnoreCase)) return fields.Id;
            }
            url = listPage.Next;
        }
        throw new OParlSourceException(list, $"In der Liste der Vorlagen gibt es keine Vorlage mit dem Aktenzeichen „{reference}“.");
    }

    private async Task<JsonElement> BodyAsync(string endpoint, CancellationToken ct)
    {
        var url = OParlSource.ParseUrl(endpoint)?.ToString() ?? throw new OParlSourceException(endpoint, "Das ist keine http- oder https-Adresse.");
        // The endpoint may be a body or the system: ask for either.
        var (status, element) = await AnyAsync(url, ct);
        if (status == "Body") return element;
        var bodies = new OParlFields(element, url).Text("body") ?? throw new OParlSourceException(url, "Das System nennt keine Liste der Körperschaften („body“).");
        var page = await ListPageAsync(bodies, ct);
        if (page.Data.Count != 1 || page.Next is not null)
            throw new OParlSourceException(bodies, "Das System hat mehrere Körperschaften. Bitte geben Sie die Adresse der Körperschaft (Body) an.");
        return page.Data[0];
    }

    private async Task<(string Type, JsonElement Element)> AnyAsync(string url, CancellationToken ct)
    {
        try
        {
            return ("Body", await source.GetObjectAsync(url, "Body", ct) ?? throw new OParlSourceException(url, "Die Adresse gibt es nicht (mehr)."));
        }
        catch (OParlSourceException e) when (e.Reason.StartsWith("Erwartet war", StringComparison.Ordinal))
        {
            var system = await source.GetObjectAsync(url, "System", ct) ?? throw new OParlSourceException(url, "Die Adresse gibt es nicht (mehr).");
            return ("System", system);
        }
    }

    private sealed record ListPage(IReadOnlyList<JsonElement> Data, string? Next);

    private async Task<ListPage> ListPageAsync(string url, CancellationToken ct)
    {
        // A list is no typed object: read it through the same limits, as the raw answer.
        var root = await source.GetListAsync(url, ct);
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            throw new OParlSourceException(url, "Die Antwort ist keine OParl-Liste (es fehlt „data“).");
        string? next = null;
        if (root.TryGetProperty("links", out var links) && links.ValueKind == JsonValueKind.Object && links.TryGetProperty("next", out var n) && n.ValueKind == JsonValueKind.String)
            next = n.GetString();
        return new(data.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).ToList(), next);
    }

    /// <summary>The paper with all it names; null when the source says the paper is gone.</summary>
    public async Task<OParlSnapshot?> ReadAsync(string paperUrl, IEnumerable<string> alsoCheck, CancellationToken ct)
    {
        if (await source.GetObjectAsync(paperUrl, "Paper", ct) is not { } paperElement) return null;
        var paper = new OParlFields(paperElement, paperUrl);

        var files = new List<SourceFile>();
        var fileRefs = new List<(JsonElement? Embedded, string? Url)>();
        if (paper.Reference("mainFile") is { } main && (main.Embedded is not null || main.Url is not null)) fileRefs.Add(main);
        fileRefs.AddRange(paper.References("auxiliaryFile"));
        var gone = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (embedded, url) in fileRefs)
        {
            var element = embedded ?? await source.GetObjectAsync(url!, "File", ct);
            if (element is not { } e)
            {
                gone.Add(url!);
                continue;
            }
            var f = new OParlFields(e, url ?? paperUrl);
            if (f.Bool("deleted") == true) continue;
            if (files.Any(x => x.Id == f.Id)) continue;
            var download = f.Text("downloadUrl") ?? f.Text("accessUrl") ?? throw f.Wrong("accessUrl", "fehlt");
            var content = await source.DownloadAsync(download, PaperFile.MaxBytes, ct);
            var type = PaperFileTypes.Recognise(content)
                ?? throw new OParlSourceException(download, "Die Datei ist keine PDF-, DOCX-, ODT- oder XLSX-Datei (am Inhalt erkannt); Vorlagen tragen nur diese.");
            var fileName = PaperFileTypes.CleanName(f.Text("fileName") ?? Path.GetFileName(new Uri(download).AbsolutePath));
            files.Add(new SourceFile(f.Id, f.Moment("modified"), f.Text("name") ?? fileName, fileName, type, content));
        }

        var consultations = new List<SourceConsultation>();
        foreach (var (embedded, url) in paper.References("consultation"))
        {
            var element = embedded ?? await source.GetObjectAsync(url!, "Consultation", ct);
            if (element is not { } e)
            {
                gone.Add(url!);
                continue;
            }
            var c = new OParlFields(e, url ?? paperUrl);
            if (c.Bool("deleted") == true) continue;
            var organizations = c.Strings("organization");
            consultations.Add(new SourceConsultation(c.Id, c.Moment("modified"), (organizations.Count > 0 ? organizations[0] : null), c.Text("meeting"), c.Text("agendaItem"),
                c.Text("role") ?? "", c.Bool("authoritative") ?? false, c.Strings("keyword")));
        }

        var snapshot = new OParlSnapshot
        {
            Paper = new SourcePaper(paper.Id, paper.Moment("modified"), paper.Text("reference") ?? "", paper.Text("name") ?? "",
                paper.Text("paperType") ?? "", paper.Date("date"), files, consultations),
        };
        snapshot.Gone.UnionWith(gone);

        foreach (var meetingUrl in consultations.Select(c => c.Meeting).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await source.GetObjectAsync(meetingUrl, "Meeting", ct) is not { } e)
            {
                snapshot.Gone.Add(meetingUrl);
                continue;
            }
            var m = new OParlFields(e, meetingUrl);
            var location = m.Reference("location") is { Embedded: { } l } ? new OParlFields(l, meetingUrl).Text("description") ?? "" : "";
            snapshot.Meetings[meetingUrl] = new SourceMeeting(m.Id, m.Moment("modified"), m.Text("name") ?? "", m.Moment("start"), m.Moment("end"),
                location, m.Text("meetingState") ?? "", m.Bool("cancelled") ?? false, OParlReader.First(m.Strings("organization")));
            // The meeting embeds its agenda items: take the ones this paper's consultations name from there.
            foreach (var (item, itemUrl) in m.References("agendaItem"))
                if (item is { } i && new OParlFields(i, meetingUrl).Text("id") is { } id && consultations.Any(c => c.AgendaItem == id))
                    snapshot.AgendaItems[id] = AgendaItem(new OParlFields(i, meetingUrl));
        }
        foreach (var itemUrl in consultations.Select(c => c.AgendaItem).OfType<string>().Distinct(StringComparer.Ordinal).Where(u => !snapshot.AgendaItems.ContainsKey(u)))
        {
            if (await source.GetObjectAsync(itemUrl, "AgendaItem", ct) is { } e) snapshot.AgendaItems[itemUrl] = AgendaItem(new OParlFields(e, itemUrl));
            else snapshot.Gone.Add(itemUrl);
        }
        var organizationUrls = consultations.Select(c => c.Organization).Concat(snapshot.Meetings.Values.Select(m => m.Organization))
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        foreach (var organizationUrl in organizationUrls)
        {
            if (await source.GetObjectAsync(organizationUrl, "Organization", ct) is not { } e)
            {
                snapshot.Gone.Add(organizationUrl);
                continue;
            }
            var o = new OParlFields(e, organizationUrl);
            snapshot.Organizations[organizationUrl] = new SourceOrganization(o.Id, o.Moment("modified"), o.Text("name") ?? "", o.Text("shortName") ?? "",
                o.Text("classification") ?? "", o.Date("startDate"), o.Date("endDate"), o.Text("website") ?? "");
        }
        // Objects taken over before and no longer named: ask whether the source still has them.
        foreach (var (url, type) in alsoCheck.Select(Split).Where(x => x.Url.Length > 0))
        {
            if (snapshot.Gone.Contains(url) || snapshot.AgendaItems.ContainsKey(url) || snapshot.Meetings.ContainsKey(url) || snapshot.Organizations.ContainsKey(url)) continue;
            if (await source.GetObjectAsync(url, type, ct) is null) snapshot.Gone.Add(url);
        }
        return snapshot;
    }

    /// <summary>"AgendaItem url" into the type and the address.</summary>
    private static (string Url, string Type) Split(string typed)
    {
        var space = typed.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? ("", "") : (typed[(space + 1)..], typed[..space]);
    }

    private static string? First(IReadOnlyList<string> list) => list.Count > 0 ? list[0] : null;

    private static SourceAgendaItem AgendaItem(OParlFields a) =>
        new(a.Id, a.Moment("modified"), a.Text("number") ?? "", a.Number("order"), a.Text("name") ?? "", a.Bool("public") ?? true, a.Text("result") ?? "");
}
