using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Planwerk.Features.Plans.Sections;
using Planwerk.Infrastructure.Files;

namespace Planwerk.Features.Implementation.Reports;

/// <summary>Evidence a report may carry: documents (PDF, DOCX, ODT) and photos (PNG, JPEG, GIF, WebP) up to
/// <see cref="ReportEvidence.MaxBytes"/> each, recognised by their content, never by name or by what the browser claims.
/// A file's name is given the extension of what it is.</summary>
public static class ReportFiles
{
    /// <summary>The content type of <paramref name="content"/>, or null when it is none of the allowed kinds.</summary>
    public static string? Recognise(byte[] content) =>
        content.Length == 0 ? null : DocumentTypes.Recognise(content) ?? ImageFiles.DetectContentType(content);

    /// <summary>Reads the uploads of a form into evidence rows; every file that is not allowed is named at
    /// <paramref name="key"/>. <paramref name="kept"/>: how many files the report already has.</summary>
    public static async Task<List<ReportEvidence>> ReadAsync(IReadOnlyList<IFormFile>? uploads, int kept, ModelStateDictionary state, string key,
        IStringLocalizer l, CancellationToken ct)
    {
        var files = new List<ReportEvidence>();
        var chosen = (uploads ?? []).Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (chosen.Count == 0) return files;
        if (kept + chosen.Count > ReportEvidence.MaxPerReport)
        {
            state.AddModelError(key, l["Ein Bericht kann höchstens {0} Nachweise haben; er hat schon {1}.", ReportEvidence.MaxPerReport, kept]);
            return files;
        }
        foreach (var upload in chosen)
        {
            var name = DocumentTypes.CleanName(upload.FileName, "Nachweis");
            if (upload.Length > ReportEvidence.MaxBytes)
            {
                state.AddModelError(key, l["Die Datei „{0}“ ist größer als 10 MB.", name]);
                continue;
            }
            using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer, ct);
            var content = buffer.ToArray();
            if (Recognise(content) is not { } type)
            {
                state.AddModelError(key, l["Die Datei „{0}“ ist weder ein Dokument (PDF, DOCX, ODT) noch ein Foto (PNG, JPEG, GIF, WebP); geprüft wird der Inhalt, nicht der Name.", name]);
                continue;
            }
            files.Add(new ReportEvidence { FileName = DocumentTypes.NameFor(name, type, "Nachweis"), ContentType = type, Size = content.Length, Content = content });
        }
        if (files.Count > 0 && !state.IsValid)
            state.AddModelError(key, l["Bitte wählen Sie die Dateien erneut aus; aus Sicherheitsgründen behält der Browser sie nicht."]);
        return files;
    }
}
