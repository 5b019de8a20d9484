using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Plans.Manage;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Markdown;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Plans.Sections;

/// <summary>The images of a plan's sections: upload (checked by content), alternative text, delete
/// (refused while a section still shows the image). Every change is recorded in the plan's history,
/// without the image's bytes.</summary>
[Authorize(Policy = Policies.PlanEditor)]
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
public sealed class SectionImagesModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> localizer, MarkdownRenderer markdown, TimeProvider clock) : ManagePageModel
{
    /// <summary>Somewhat above the file limit, so that a slightly too large file still gets a clear message.</summary>
    internal const int UploadLimit = ImageFiles.MaxBytes + 1024 * 1024;

    public sealed class UploadInput
    {
        [Display(Name = "Bilddatei")]
        public IFormFile? File { get; set; }

        [Display(Name = "Alternativtext")]
        [Required(ErrorMessage = "Bitte beschreiben Sie im Alternativtext, was das Bild zeigt.")]
        [StringLength(PlanImage.MaxAltTextLength, ErrorMessage = "Der Alternativtext darf höchstens {1} Zeichen lang sein.")]
        public string? AltText { get; set; }

        [Display(Name = "Grund der Änderung")]
        [StringLength(1000, ErrorMessage = "Der Grund der Änderung darf höchstens {1} Zeichen lang sein.")]
        public string? Reason { get; set; }
    }

    public sealed record ImageRow(int Number, string FileName, string ContentType, string AltText, IReadOnlyList<string> UsedBy)
    {
        public string Snippet => string.Create(CultureInfo.InvariantCulture, $"![{AltText.Replace("]", "\\]", StringComparison.Ordinal)}]({MarkdownRenderer.ImagePrefix}{Number})");
    }

    [BindProperty]
    public UploadInput Input { get; set; } = new();

    public int PlanId { get; private set; }

    public string PlanTitle { get; private set; } = "";

    public IReadOnlyList<ImageRow> Images { get; private set; } = [];

    /// <summary>The image whose alternative text was refused, with the text as typed.</summary>
    public (int Number, string? AltText)? EditedAltText { get; private set; }

    public static string Key(int number) => number.ToString(CultureInfo.InvariantCulture);

    public static string AltFieldId(int number) => "alt-" + Key(number);

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct) =>
        await LoadAsync(planId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUploadAsync(int planId, CancellationToken ct)
    {
        if (!await LoadAsync(planId, ct)) return NotFound();
        const string fileKey = "Input.File";
        var file = Input.File;
        byte[]? bytes = null;
        string? type = null;
        var name = ImageFiles.SafeFileName(file?.FileName);
        if (file is null)
        {
            ModelState.AddModelError(fileKey, localizer["Bitte wählen Sie eine Bilddatei aus."]);
        }
        else if (file.Length == 0)
        {
            ModelState.AddModelError(fileKey, localizer["Die Datei „{0}“ ist leer.", name]);
        }
        else if (file.Length > ImageFiles.MaxBytes)
        {
            ModelState.AddModelError(fileKey, localizer["Die Datei „{0}“ ist mit {1} zu groß; erlaubt sind höchstens {2}.", name,
                ImageFiles.FormatSize(file.Length), ImageFiles.FormatSize(ImageFiles.MaxBytes)]);
        }
        else
        {
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
            type = ImageFiles.DetectContentType(bytes);
            if (type is null)
            {
                ModelState.AddModelError(fileKey, localizer["Die Datei „{0}“ ist kein Bild im Format PNG, JPEG, GIF oder WebP.", name]);
            }
        }
        if (!ModelState.IsValid || bytes is null || type is null) return Page();

        var image = db.PlanImages.Add(new PlanImage
        {
            PlanId = planId,
            FileName = ImageFiles.ServedFileName(name, type),
            ContentType = type,
            Bytes = bytes,
            AltText = Input.AltText!.Trim(),
            CreatedAt = clock.GetUtcNow(),
        }).Entity;
        db.Author.Because(Input.Reason);
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, localizer["Das Bild „{0}“ wurde als Bild {1} hochgeladen.", image.FileName, image.Number],
            PlanUrl(planId, "/images#image-" + Key(image.Number)));
    }

    public async Task<IActionResult> OnPostAltTextAsync(int planId, int number, string? altText, string? reason, CancellationToken ct)
    {
        ModelState.Clear(); // the upload form's fields are not part of this form
        if (!await LoadAsync(planId, ct)) return NotFound();
        var image = await db.PlanImages.FirstOrDefaultAsync(i => i.PlanId == planId && i.Number == number, ct);
        if (image is null) return NotFound();
        var text = altText?.Trim() ?? "";
        var key = AltFieldId(number);
        if (text.Length == 0)
        {
            ModelState.AddModelError(key, localizer["Bitte beschreiben Sie im Alternativtext von Bild {0}, was es zeigt.", number]);
        }
        else if (text.Length > PlanImage.MaxAltTextLength)
        {
            ModelState.AddModelError(key, localizer["Der Alternativtext von Bild {0} darf höchstens {1} Zeichen lang sein.", number, PlanImage.MaxAltTextLength]);
        }
        if (!ModelState.IsValid)
        {
            EditedAltText = (number, altText);
            return Page();
        }
        image.AltText = text;
        db.Author.Because(reason);
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, localizer["Der Alternativtext von Bild {0} wurde gespeichert.", number], PlanUrl(planId, "/images#image-" + Key(number)));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int planId, int number, string? reason, CancellationToken ct)
    {
        ModelState.Clear();
        if (!await LoadAsync(planId, ct)) return NotFound();
        var row = Images.FirstOrDefault(i => i.Number == number);
        if (row is null) return NotFound();
        if (row.UsedBy.Count > 0)
        {
            ModelState.AddModelError("", localizer["Bild {0} kann nicht gelöscht werden, weil diese Abschnitte es noch zeigen: {1}. Entfernen Sie dort zuerst den Verweis {2}.",
                number, string.Join(", ", row.UsedBy.Select(t => "„" + t + "“")), MarkdownRenderer.ImagePrefix + Key(number)]);
            return Page();
        }
        var image = await db.PlanImages.FirstAsync(i => i.PlanId == planId && i.Number == number, ct);
        db.Remove(image);
        db.Author.Because(reason);
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, localizer["Bild {0} („{1}“) wurde gelöscht.", number, image.FileName], PlanUrl(planId, "/images"));
    }

    private async Task<bool> LoadAsync(int planId, CancellationToken ct)
    {
        var title = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Title).FirstOrDefaultAsync(ct);
        if (title is null) return false;
        (PlanId, PlanTitle) = (planId, title);
        var sections = await db.PlanSections.AsNoTracking().Where(s => s.PlanId == planId).OrderBy(s => s.Position).ThenBy(s => s.Id)
            .Select(s => new { s.Title, s.Body }).ToListAsync(ct);
        var usedBy = sections.SelectMany(s => markdown.ImageNumbers(s.Body).Distinct().Select(n => (Number: n, s.Title)))
            .ToLookup(x => x.Number, x => x.Title);
        Images = (await db.PlanImages.AsNoTracking().Where(i => i.PlanId == planId).OrderBy(i => i.Number)
                .Select(i => new { i.Number, i.FileName, i.ContentType, i.AltText }).ToListAsync(ct))
            .Select(i => new ImageRow(i.Number, i.FileName, i.ContentType, i.AltText, usedBy[i.Number].ToList()))
            .ToList();
        return true;
    }
}
