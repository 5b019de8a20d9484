using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Infrastructure.Time;
using Planwerk.Data;
using Planwerk.Features.Plans.Transfer;

namespace Planwerk.Features.Plans.Versions;

/// <summary>A named version as listed: everything but the frozen document. <paramref name="AdoptedOn"/> is the
/// day of the resolution when this is the version the council adopted.</summary>
public sealed record VersionItem(int Id, string Name, string Note, DateTimeOffset CreatedAt, string CreatedByName, DateOnly? AdoptedOn = null)
{
    /// <summary>The day it was frozen, in the municipalities' time zone (German time).</summary>
    public DateOnly LocalDate => BerlinTime.Day(CreatedAt);

    /// <summary>The day the version stands for: the adoption's for the adopted version (it may be recorded
    /// later), otherwise the day it was frozen.</summary>
    public DateOnly Day => AdoptedOn ?? LocalDate;
}

/// <summary>One version with its frozen document, read back.</summary>
public sealed record VersionView(VersionItem Version, string PlanTitle, VersionDocument Document);

/// <summary>What a comparison compares: a version, or the plan as it is now.</summary>
public sealed record CompareSide(string Key, VersionItem? Version);

/// <summary>The plan's title and the two sides with their comparison.</summary>
public sealed record ComparePage(
    int PlanId, string PlanTitle, IReadOnlyList<VersionItem> Versions, CompareSide From, CompareSide To, PlanComparison Comparison);

/// <summary>The queries behind the version pages. The municipality comes from the context's filter;
/// <paramref name="publicOnly"/> limits them to public plans. A version page reads one row, a
/// comparison two (or one and the current plan), whatever the plan's size.</summary>
public static class VersionReads
{
    public const string Current = "current";

    public sealed record PlanRow(int Id, string Title, bool IsPublic)
    {
        /// <summary>The plan's words for its levels now; a version frozen without them shows these.</summary>
        public PlanLevels Levels { get; init; } = PlanLevels.Default;
    }

    public static Task<PlanRow?> PlanAsync(this PlanwerkDbContext db, int planId, bool publicOnly, CancellationToken ct) =>
        db.Plans.AsNoTracking().Where(p => p.Id == planId && (!publicOnly || p.IsPublic))
            .Select(p => new PlanRow(p.Id, p.Title, p.IsPublic) { Levels = new PlanLevels(new LevelWords(p.PrincipleSingular, p.PrinciplePlural, p.PrincipleSingularEn, p.PrinciplePluralEn),
                    new LevelWords(p.FieldSingular, p.FieldPlural, p.FieldSingularEn, p.FieldPluralEn),
                    new LevelWords(p.MeasureSingular, p.MeasurePlural, p.MeasureSingularEn, p.MeasurePluralEn)) }).FirstOrDefaultAsync(ct);

    /// <summary>The plan's versions, newest first.</summary>
    public static async Task<List<VersionItem>> VersionsOfAsync(this PlanwerkDbContext db, int planId, CancellationToken ct)
    {
        var rows = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId)
            .Select(v => new VersionItem(v.Id, v.Name, v.Note, v.CreatedAt, v.CreatedByName, v.Plan!.AdoptedVersionId == v.Id ? v.Plan.AdoptedOn : null)).ToListAsync(ct);
        // Sorted here: SQLite cannot order by a DateTimeOffset.
        return rows.OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id).ToList();
    }

    /// <summary>An image of a named version, from its frozen image part (not the whole document); null when the plan (or, for the
    /// public, a public plan), the version or the image is not there. One row read.</summary>
    public static async Task<(string ContentType, byte[] Data)?> VersionImageAsync(
        this PlanwerkDbContext db, int planId, int versionId, int number, bool publicOnly, CancellationToken ct)
    {
        var image = await db.PlanVersionParts.AsNoTracking()
            .Where(p => p.VersionId == versionId && p.Kind == PlanVersionPartKind.Image && p.Key == number
                && p.Version!.PlanId == planId && (!publicOnly || p.Version.Plan!.IsPublic))
            .OrderBy(p => p.Position).Select(p => new { p.Content, p.Data }).FirstOrDefaultAsync(ct);
        return image is null ? null : (VersionParts.ImageContentType(image.Content), image.Data ?? []);
    }

    public static async Task<VersionView?> VersionAsync(this PlanwerkDbContext db, int planId, int versionId, bool publicOnly, CancellationToken ct)
    {
        var row = await db.PlanVersions.AsNoTracking()
            .Where(v => v.Id == versionId && v.PlanId == planId && (!publicOnly || v.Plan!.IsPublic))
            .Select(v => new
            {
                Item = new VersionItem(v.Id, v.Name, v.Note, v.CreatedAt, v.CreatedByName, v.Plan!.AdoptedVersionId == v.Id ? v.Plan.AdoptedOn : null), v.Document, PlanTitle = v.Plan!.Title,
                Levels = new PlanLevels(new LevelWords(v.Plan.PrincipleSingular, v.Plan.PrinciplePlural, v.Plan.PrincipleSingularEn, v.Plan.PrinciplePluralEn),
                    new LevelWords(v.Plan.FieldSingular, v.Plan.FieldPlural, v.Plan.FieldSingularEn, v.Plan.FieldPluralEn),
                    new LevelWords(v.Plan.MeasureSingular, v.Plan.MeasurePlural, v.Plan.MeasureSingularEn, v.Plan.MeasurePluralEn)),
            })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new VersionView(row.Item, row.PlanTitle, VersionDocument.Read(row.Document).WithLevels(row.Levels));
    }

    /// <summary>Null when the plan or a named version is not there (or not public for the public).
    /// Without a choice it compares the newest version with the current state.</summary>
    public static async Task<ComparePage?> CompareAsync(
        this PlanwerkDbContext db, int planId, string? from, string? to, bool publicOnly, CancellationToken ct)
    {
        var plan = await db.PlanAsync(planId, publicOnly, ct);
        if (plan is null) return null;
        var versions = await db.VersionsOfAsync(planId, ct);
        from = string.IsNullOrEmpty(from) ? versions.Count > 0 ? Key(versions[0].Id) : Current : from;
        to = string.IsNullOrEmpty(to) ? Current : to;
        if (!TrySide(from, versions, out var fromSide) || !TrySide(to, versions, out var toSide)) return null;

        var ids = new[] { fromSide.Version?.Id, toSide.Version?.Id }.OfType<int>().Distinct().ToList();
        var documents = ids.Count == 0 ? [] : await db.PlanVersions.AsNoTracking()
            .Where(v => v.PlanId == planId && ids.Contains(v.Id))
            .Select(v => new { v.Id, v.Document }).ToDictionaryAsync(v => v.Id, v => VersionDocument.Read(v.Document).WithLevels(plan.Levels), ct);
        VersionDocument? current = null;
        if (fromSide.Version is null || toSide.Version is null)
            current = VersionDocument.Of(await PlanDocument.LoadAsync(db, planId, ct) ?? throw new InvalidOperationException("The plan went away."));

        VersionDocument Document(CompareSide side) => side.Version is null ? current! : documents[side.Version.Id];
        var comparison = PlanComparison.Compare(Document(fromSide), Document(toSide));
        return new ComparePage(planId, plan.Title, versions, fromSide, toSide, comparison);
    }

    public static string Key(int versionId) => versionId.ToString(CultureInfo.InvariantCulture);

    private static bool TrySide(string key, List<VersionItem> versions, out CompareSide side)
    {
        side = null!;
        if (key == Current)
        {
            side = new CompareSide(Current, null);
            return true;
        }
        if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return false;
        var version = versions.Find(v => v.Id == id);
        if (version is null) return false;
        side = new CompareSide(key, version);
        return true;
    }
}

/// <summary>The addresses of the version pages; <paramref name="manage"/> gives the plan team's.</summary>
public static class VersionLinks
{
    public static string Base(string municipality, int planId, bool manage) =>
        string.Create(CultureInfo.InvariantCulture, $"/{municipality}{(manage ? "/manage" : "")}/plans/{planId}/versions");

    public static string Version(string municipality, int planId, int versionId, bool manage) =>
        string.Create(CultureInfo.InvariantCulture, $"{Base(municipality, planId, manage)}/{versionId}");

    /// <summary>Where an image of a version is served, from the version's own frozen content.</summary>
    public static string Image(string municipality, int planId, int versionId, int number, bool manage) =>
        string.Create(CultureInfo.InvariantCulture, $"{Version(municipality, planId, versionId, manage)}/images/{number}");

    public static string Compare(string municipality, int planId, bool manage, string? from = null, string? to = null) =>
        Base(municipality, planId, manage) + "/compare" + (from is null && to is null ? ""
            : "?from=" + Uri.EscapeDataString(from ?? VersionReads.Current) + "&to=" + Uri.EscapeDataString(to ?? VersionReads.Current));
}

/// <summary>What the compare form needs: where it goes, the versions to choose and what is chosen.</summary>
public sealed record CompareForm(string Action, IReadOnlyList<VersionItem> Versions, string From, string To);

/// <summary>What the version list needs; <see cref="Manage"/> links to the plan team's pages and shows who froze each.</summary>
public sealed record VersionList(string Municipality, int PlanId, IReadOnlyList<VersionItem> Versions, bool Manage);

/// <summary>What a version page shows, for the public or the plan team.</summary>
public sealed record VersionBody(VersionView View, string Municipality, int PlanId, bool Manage);

/// <summary>A frozen document to show, with the address of each of its images (null for a number it lacks).</summary>
public sealed record FrozenView(VersionDocument Document, Func<int, string?> ImageUrl)
{
    public static FrozenView Of(VersionBody body)
    {
        var numbers = body.View.Document.ImageNumbers;
        return new FrozenView(body.View.Document, n => numbers.Contains(n)
            ? VersionLinks.Image(body.Municipality, body.PlanId, body.View.Version.Id, n, body.Manage) : null);
    }
}

/// <summary>What a comparison page shows, for the public or the plan team.</summary>
public sealed record CompareBody(ComparePage Page, string Municipality, bool Manage);
