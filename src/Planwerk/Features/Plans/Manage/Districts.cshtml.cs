using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

using Planwerk.Infrastructure.Editing;

namespace Planwerk.Features.Plans.Manage;

/// <summary>The municipality's districts and localities, which measures refer to: list and add.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class DistrictsModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> localizer) : ManagePageModel
{
    public sealed class DistrictInput
    {
        /// <summary>Lists of districts in CSV and XLSX files are separated by ";", so a name with one could not
        /// be exported and imported again.</summary>
        public const string NoSemicolon = "Der Name darf kein Semikolon (;) enthalten: In Tabellen für Import und Export trennt das Semikolon die Stadtbezirke und Ortschaften einer Maßnahme.";

        [Display(Name = "Name")]
        [Required(ErrorMessage = "Bitte geben Sie einen Namen für den Stadtbezirk oder die Ortschaft an.")]
        [StringLength(200, ErrorMessage = "Der Name darf höchstens {1} Zeichen lang sein.")]
        [RegularExpression("^[^;]*$", ErrorMessage = NoSemicolon)]
        public string? Name { get; set; }

        [Display(Name = "Art")]
        public DistrictKind Kind { get; set; }

        public int Version { get; set; }
    }

    public sealed record Row(int Id, string Name, DistrictKind Kind, int MeasureCount);

    [BindProperty]
    public DistrictInput Input { get; set; } = new();

    public IReadOnlyList<Row> Districts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        NameTheChoice("Input.Kind", localizer["Bitte wählen Sie die Art aus der Liste: Stadtbezirk oder Ortschaft."]);
        var name = Input.Name?.Trim();
        if (name is not null && await DistrictNames.TakenAsync(db, name, null, ct) is { } taken)
            ModelState.AddModelError("Input.Name", localizer["Den Namen „{0}“ gibt es in dieser Kommune schon.", taken]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        db.Districts.Add(new District { Name = name!, Kind = Input.Kind });
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, localizer["„{0}“ wurde hinzugefügt.", name!], ManageUrl("/districts"));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await db.Districts.AsNoTracking().Select(d => new Row(d.Id, d.Name, d.Kind, d.Measures.Count)).ToListAsync(ct);
        Districts = rows.OrderBy(r => r.Kind).ThenBy(r => r.Name, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true)).ToList();
    }
}

public static class DistrictNames
{
    /// <summary>The stored name that equals <paramref name="name"/> ignoring case, or null: "Altstadt"
    /// and "altstadt" would be the same place twice.</summary>
    public static async Task<string?> TakenAsync(PlanwerkDbContext db, string name, int? except, CancellationToken ct)
    {
        var names = await db.Districts.AsNoTracking().Where(d => d.Id != (except ?? 0)).Select(d => d.Name).ToListAsync(ct);
        return names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
    }
}
