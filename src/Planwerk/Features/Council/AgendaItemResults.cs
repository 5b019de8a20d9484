using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;

namespace Planwerk.Features.Council;

/// <summary>The result of an agenda item: the one typed on the item in words wins; without one, the recorded result of
/// the consultation the item treats (the first, should several name it). The clerk's meeting page, the public meeting
/// page and OParl's agenda items all read it here.</summary>
public static class AgendaItemResults
{
    /// <summary>The consultation an item treats, with its recorded result (both null while none is recorded).</summary>
    public sealed record Treated(int ConsultationId, ConsultationResult? BuiltIn, string? CustomName);

    /// <summary>One command: for each of the items that a consultation names, that consultation.</summary>
    public static async Task<IReadOnlyDictionary<int, Treated>> TreatedAsync(PlanwerkDbContext db, IReadOnlyCollection<int> itemIds, CancellationToken ct) =>
        (await db.PaperConsultations.AsNoTracking().Where(c => c.AgendaItemId != null && itemIds.Contains(c.AgendaItemId.Value))
                .Select(c => new { Item = c.AgendaItemId!.Value, c.Id, c.Result, Custom = c.CustomResult != null ? c.CustomResult.Name : null })
                .ToListAsync(ct))
            .GroupBy(c => c.Item)
            .ToDictionary(g => g.Key, g => g.MinBy(c => c.Id) is var c ? new Treated(c!.Id, c.Result, c.Custom) : null!);

    /// <summary>The item's result as published (German names, as OParl gives them); null when there is none.</summary>
    public static string? Name(string typed, Treated? treated) =>
        typed.Length > 0 ? typed : treated is null ? null : CouncilText.ResultName(treated.BuiltIn, treated.CustomName)?.Text;

    /// <summary>The item's result as a reader sees it; <paramref name="typedText"/> renders the result typed in words.</summary>
    public static string Text(IStringLocalizer l, string typed, Treated? treated, Func<string, string> typedText) =>
        typed.Length > 0 ? typedText(typed) : treated is null ? "" : CouncilText.ResultText(l, treated.BuiltIn, treated.CustomName) ?? "";
}
