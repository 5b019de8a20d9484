using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Planwerk.Features.Plans;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Implementation;

/// <summary>A status of the municipality's catalogue that reports choose from ("In Vorbereitung", 10 %). Each belongs to
/// one of the five public kinds of <see cref="MeasureStatus"/>, which the plan's pages, filters and API use, and may
/// propose a progress that a report takes unless it says otherwise.</summary>
public sealed class ImplementationStatus : IMunicipalityOwned, IVersioned
{
    public const int MaxNameLength = 80;
    public const int MaxDescriptionLength = 500;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string Name { get; set; }
    /// <summary>The English name; empty when the German one serves.</summary>
    public string NameEn { get; set; } = "";
    /// <summary>Plain text: when to choose it.</summary>
    public string Description { get; set; } = "";
    public MeasureStatus Kind { get; set; }
    /// <summary>0 to 100, or null when the status says nothing about progress ("Verzögert").</summary>
    public int? DefaultProgress { get; set; }
    /// <summary>Order in lists, ascending.</summary>
    public int Position { get; set; }
    public int Version { get; set; }

    /// <summary>The name in the reader's language: the English one in the English view when there is one.</summary>
    public static string Shown(string name, string nameEn) =>
        System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && nameEn.Length > 0 ? nameEn : name;

    /// <summary>The catalogue a municipality starts from when it takes the proposal: German and English names, kind and
    /// default progress.</summary>
    public static IReadOnlyList<(string Name, string NameEn, MeasureStatus Kind, int? Progress, string Description)> Proposal { get; } =
    [
        ("Nicht begonnen", "Not started", MeasureStatus.NotStarted, 0, "Die Arbeit an der Maßnahme hat noch nicht begonnen."),
        ("In Vorbereitung", "In preparation", MeasureStatus.InProgress, 10, "Zuständigkeiten, Mittel und Partner werden geklärt."),
        ("In Umsetzung", "In progress", MeasureStatus.InProgress, 50, "Die Maßnahme wird durchgeführt."),
        ("Verstetigt", "Made permanent", MeasureStatus.Completed, 100, "Die Maßnahme ist umgesetzt und läuft als Regelangebot weiter."),
        ("Abgeschlossen", "Completed", MeasureStatus.Completed, 100, "Die Maßnahme ist vollständig umgesetzt."),
        ("Verzögert", "Delayed", MeasureStatus.Delayed, null, "Die Umsetzung liegt hinter dem Zeitplan; der Bericht nennt die Gründe."),
        ("Eingestellt", "Discontinued", MeasureStatus.Discontinued, null, "Die Maßnahme wird nicht weiter verfolgt; der Bericht nennt die Gründe."),
    ];
}

public sealed class ImplementationStatusConfiguration : IEntityTypeConfiguration<ImplementationStatus>
{
    public void Configure(EntityTypeBuilder<ImplementationStatus> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(ImplementationStatus.MaxNameLength);
        builder.Property(s => s.NameEn).HasMaxLength(ImplementationStatus.MaxNameLength);
        builder.Property(s => s.Description).HasMaxLength(ImplementationStatus.MaxDescriptionLength);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(s => new { s.MunicipalityId, s.Name }).IsUnique();
    }
}
