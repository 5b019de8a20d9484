using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Plans;

/// <summary>A municipal action plan (Fachplan): principles, fields of action and their measures.</summary>
public sealed class Plan : IMunicipalityOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string Title { get; set; }
    /// <summary>First year of the plan's period, e.g. 2019.</summary>
    public int? PeriodStart { get; set; }
    /// <summary>Last year of the plan's period, e.g. 2022.</summary>
    public int? PeriodEnd { get; set; }
    public PlanState State { get; set; }
    /// <summary>Markdown.</summary>
    public string Summary { get; set; } = "";
    public int? PredecessorId { get; set; }
    public Plan? Predecessor { get; set; }
    /// <summary>Only public plans are shown on the public site and in the read API.</summary>
    public bool IsPublic { get; set; }
    /// <summary>Marks demo content that is invented rather than the city's real text.</summary>
    public bool IsExample { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>The highest <see cref="Measure.Key"/> ever given in this plan; moved by the context only.</summary>
    public int LastMeasureKey { get; set; }
    /// <summary>The highest <see cref="Sections.PlanImage.Number"/> ever given in this plan; moved by the context only.</summary>
    public int LastImageNumber { get; set; }
    /// <summary>The named version the council adopted; the public site shows it by default. Set only by adoption.</summary>
    public int? AdoptedVersionId { get; set; }
    public Versions.PlanVersion? AdoptedVersion { get; set; }
    /// <summary>The day of the adopting resolution.</summary>
    public DateOnly? AdoptedOn { get; set; }
    /// <summary>How the dashboard, the yearly report and the API add up the measures' progress.</summary>
    public Implementation.RollUpMethod RollUpMethod { get; set; } = Implementation.RollUpMethod.Average;

    public List<Principle> Principles { get; set; } = [];
    public List<FieldOfAction> Fields { get; set; } = [];
    public List<Measure> Measures { get; set; } = [];

    // What this plan calls its levels (see PlanLevels): German and English, singular and plural.
    [MaxLength(PlanLevels.MaxWordLength)] public string PrincipleSingular { get; set; } = PlanLevels.Default.Principle.Singular;
    [MaxLength(PlanLevels.MaxWordLength)] public string PrinciplePlural { get; set; } = PlanLevels.Default.Principle.Plural;
    [MaxLength(PlanLevels.MaxWordLength)] public string PrincipleSingularEn { get; set; } = PlanLevels.Default.Principle.SingularEn;
    [MaxLength(PlanLevels.MaxWordLength)] public string PrinciplePluralEn { get; set; } = PlanLevels.Default.Principle.PluralEn;
    [MaxLength(PlanLevels.MaxWordLength)] public string FieldSingular { get; set; } = PlanLevels.Default.Field.Singular;
    [MaxLength(PlanLevels.MaxWordLength)] public string FieldPlural { get; set; } = PlanLevels.Default.Field.Plural;
    [MaxLength(PlanLevels.MaxWordLength)] public string FieldSingularEn { get; set; } = PlanLevels.Default.Field.SingularEn;
    [MaxLength(PlanLevels.MaxWordLength)] public string FieldPluralEn { get; set; } = PlanLevels.Default.Field.PluralEn;
    [MaxLength(PlanLevels.MaxWordLength)] public string MeasureSingular { get; set; } = PlanLevels.Default.Measure.Singular;
    [MaxLength(PlanLevels.MaxWordLength)] public string MeasurePlural { get; set; } = PlanLevels.Default.Measure.Plural;
    [MaxLength(PlanLevels.MaxWordLength)] public string MeasureSingularEn { get; set; } = PlanLevels.Default.Measure.SingularEn;
    [MaxLength(PlanLevels.MaxWordLength)] public string MeasurePluralEn { get; set; } = PlanLevels.Default.Measure.PluralEn;

    [NotMapped]
    public PlanLevels Levels
    {
        get => new(new(PrincipleSingular, PrinciplePlural, PrincipleSingularEn, PrinciplePluralEn),
            new(FieldSingular, FieldPlural, FieldSingularEn, FieldPluralEn),
            new(MeasureSingular, MeasurePlural, MeasureSingularEn, MeasurePluralEn));
        set
        {
            (PrincipleSingular, PrinciplePlural, PrincipleSingularEn, PrinciplePluralEn) = value.Principle;
            (FieldSingular, FieldPlural, FieldSingularEn, FieldPluralEn) = value.Field;
            (MeasureSingular, MeasurePlural, MeasureSingularEn, MeasurePluralEn) = value.Measure;
        }
    }

    public string Period => FormatPeriod(PeriodStart, PeriodEnd);

    public static string FormatPeriod(int? start, int? end) => (start, end) switch
    {
        (int s, int e) when s == e => s.ToString(System.Globalization.CultureInfo.InvariantCulture),
        (int s, int e) => $"{s}–{e}",
        (int s, null) => $"ab {s}",
        (null, int e) => $"bis {e}",
        _ => "",
    };
}
