using System.Globalization;
using Planwerk.Features.Services;

namespace Planwerk.Features.Pathways.PublicPages;

/// <summary>An age group the finder asks for, as a range of years (the upper end open for the oldest).</summary>
public sealed record AgeGroup(string Code, int Minimum, int? Maximum)
{
    /// <summary>Under 6, 6–17, 18–26, 27–64, 65 and older: small children, school age, young adults, working age, retirement.</summary>
    public static readonly IReadOnlyList<AgeGroup> All =
    [
        new("0-5", 0, 5), new("6-17", 6, 17), new("18-26", 18, 26), new("27-64", 27, 64), new("65+", 65, null),
    ];

    public static AgeGroup? Find(string code) => All.FirstOrDefault(a => a.Code == code);
}

/// <summary>Why an answer of the finder was not taken: a value the finder does not know (a hand-edited address), a
/// district of no list here, or answers that cannot both be true.</summary>
public enum FinderProblemKind
{
    UnknownSituation,
    UnknownAge,
    UnknownChildren,
    UnknownDistrict,
    /// <summary>A child under six with children of its own.</summary>
    ChildWithChildren,
}

public sealed record FinderProblem(FinderProblemKind Kind, string Value);

/// <summary>The finder's answers as they stand in the page address (<c>situation</c>, <c>age</c>, <c>children</c>,
/// <c>district</c>; the reading language is the content language <c>lang</c>). Read from raw strings, so that no value
/// of a hand-edited address fails: what is not understood is left out and named in <see cref="Problems"/>.</summary>
public sealed record FinderAnswers(ResidenceSituations? Situation, AgeGroup? Age, bool? Children, int? DistrictId, IReadOnlyList<FinderProblem> Problems)
{
    public const string Yes = "yes", No = "no";

    /// <summary>The residence situations a person answers with, one at a time, in the order of the enum.</summary>
    public static readonly IReadOnlyList<ResidenceSituations> Situations =
    [
        ResidenceSituations.AsylumSeekers, ResidenceSituations.ToleratedPersons, ResidenceSituations.RecognisedRefugees,
        ResidenceSituations.TemporaryProtection, ResidenceSituations.EuCitizens, ResidenceSituations.OtherMigrants,
    ];

    /// <summary>Answers that cannot both be true: no result is shown until they are corrected.</summary>
    public bool IsContradictory => Problems.Any(p => p.Kind == FinderProblemKind.ChildWithChildren);

    public bool AnyAnswer => Situation is not null || Age is not null || Children is not null || DistrictId is not null;

    public static FinderAnswers Read(string? situation, string? age, string? children, string? district, IReadOnlyCollection<int> districtIds)
    {
        var problems = new List<FinderProblem>();
        ResidenceSituations? s = null;
        if (Given(situation) is { } sv)
        {
            var found = Situations.Where(x => string.Equals(x.ToString(), sv, StringComparison.OrdinalIgnoreCase)).ToList();
            if (found.Count == 1) s = found[0];
            else problems.Add(new(FinderProblemKind.UnknownSituation, sv));
        }
        AgeGroup? a = null;
        if (Given(age) is { } av)
        {
            a = AgeGroup.Find(av);
            if (a is null) problems.Add(new(FinderProblemKind.UnknownAge, av));
        }
        bool? c = null;
        if (Given(children) is { } cv)
        {
            if (string.Equals(cv, Yes, StringComparison.OrdinalIgnoreCase)) c = true;
            else if (string.Equals(cv, No, StringComparison.OrdinalIgnoreCase)) c = false;
            else problems.Add(new(FinderProblemKind.UnknownChildren, cv));
        }
        int? d = null;
        if (Given(district) is { } dv)
        {
            if (int.TryParse(dv, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && districtIds.Contains(id)) d = id;
            else problems.Add(new(FinderProblemKind.UnknownDistrict, dv));
        }
        if (a is { Maximum: < 6 } && c == true) problems.Add(new(FinderProblemKind.ChildWithChildren, ""));
        return new FinderAnswers(s, a, c, d, problems);
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The answers as query pairs, for links that carry them (the reading language is added by the caller).</summary>
    public IEnumerable<KeyValuePair<string, string?>> Query()
    {
        if (Situation is { } s) yield return new("situation", s.ToString());
        if (Age is { } a) yield return new("age", a.Code);
        if (Children is { } c) yield return new("children", c ? Yes : No);
        if (DistrictId is { } d) yield return new("district", d.ToString(CultureInfo.InvariantCulture));
    }
}
