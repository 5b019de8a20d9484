using System.Globalization;
using Microsoft.Extensions.Primitives;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Council;

/// <summary>The filters of the public council lists (body, period, plan), read from the query as typed. Whatever
/// the query holds, reading it never fails: a value that cannot be read or is not one of the choices is left out
/// of the filter and named in <see cref="Problems"/>, so the page can say which field is wrong and why.</summary>
public sealed class PublicCouncilFilter
{
    public const string BodyField = "body";
    public const string FromField = "from";
    public const string ToField = "to";
    public const string PlanField = "plan";

    /// <summary>A choice in a filter's list: a body of the municipality, or one of its public plans.</summary>
    public sealed record Choice(int Id, string Name);

    /// <summary>A filter value that is not applied: the field's id, its label and the message (resource keys), the message's argument.</summary>
    public sealed record Problem(string Field, string Label, string Message, string? Value = null);

    public int? BodyId { get; private init; }

    public DateOnly? From { get; private init; }

    public DateOnly? To { get; private init; }

    public int? PlanId { get; private init; }

    /// <summary>The values as typed, shown again in the form (escaped by the view).</summary>
    public IReadOnlyDictionary<string, string> Typed { get; private init; } = new Dictionary<string, string>();

    public IReadOnlyList<Problem> Problems { get; private init; } = [];

    public bool IsEmpty => BodyId is null && From is null && To is null && PlanId is null;

    public static string Label(string field) => field switch
    {
        BodyField => "Gremium",
        FromField => "Von (Datum)",
        ToField => "Bis (Datum)",
        PlanField => "Plan",
        _ => field,
    };

    /// <summary>Reads the filters; a body or plan counts only when it is among <paramref name="bodies"/> or <paramref name="plans"/>
    /// (the municipality's bodies, its public plans), so an id of another municipality or of a plan that is not public
    /// is refused like one that does not exist.</summary>
    public static PublicCouncilFilter Read(IQueryCollection query, IReadOnlyList<Choice> bodies, IReadOnlyList<Choice> plans)
    {
        var problems = new List<Problem>();
        var typed = new Dictionary<string, string>();

        string? Text(string field)
        {
            // A field given twice (?body=1&body=2) is not guessed at.
            StringValues values = query[field];
            if (values.Count > 1)
            {
                problems.Add(new Problem(field, Label(field), "Bitte geben Sie nur einen Wert an."));
                typed[field] = values[0] ?? "";
                return null;
            }
            var text = values.Count == 1 ? values[0]?.Trim() : null;
            if (string.IsNullOrEmpty(text)) return null;
            typed[field] = text;
            return text;
        }

        int? Chosen(string field, IReadOnlyList<Choice> options, string unknown)
        {
            if (Text(field) is not { } text) return null;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && options.Any(o => o.Id == id)) return id;
            problems.Add(new Problem(field, Label(field), unknown));
            return null;
        }

        DateOnly? Day(string field)
        {
            if (Text(field) is not { } text) return null;
            string[] formats = [BerlinTime.DateInputFormat, "dd.MM.yyyy", "d.M.yyyy"];
            if (!DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                problems.Add(new Problem(field, Label(field), "Bitte geben Sie ein Datum wie 05.07.2019 an."));
                return null;
            }
            if (!BerlinTime.InRange(day))
            {
                problems.Add(new Problem(field, Label(field), "Bitte geben Sie ein Datum zwischen 1900 und 2100 an."));
                return null;
            }
            return day;
        }

        var body = Chosen(BodyField, bodies, "Dieses Gremium steht nicht zur Auswahl.");
        var from = Day(FromField);
        var to = Day(ToField);
        var plan = Chosen(PlanField, plans, "Dieser Plan steht nicht zur Auswahl.");
        if (from is DateOnly f && to is DateOnly t && f > t)
        {
            // Neither end is guessed at: the period is left out until it is put right.
            problems.Add(new Problem(ToField, Label(ToField), "Das Datum liegt vor dem Von-Datum ({0}); der Zeitraum ist nicht angewendet.", BerlinTime.Date(f)));
            from = null;
            to = null;
        }
        return new PublicCouncilFilter { BodyId = body, From = from, To = to, PlanId = plan, Problems = problems, Typed = typed };
    }

    /// <summary>The value to show in a field: what was typed (also when it was refused), else nothing.</summary>
    public string Value(string field) => Typed.TryGetValue(field, out var v) ? v : "";

    public Problem? ProblemOf(string field) => Problems.FirstOrDefault(p => p.Field == field);

    /// <summary>The list's address with the applied filters and a page; filters that were refused are left out, so a
    /// pager link never carries a wrong value on.</summary>
    public string Url(string path, int? page = null)
    {
        var query = new List<string>();
        if (BodyId is int b) query.Add(BodyField + "=" + b.ToString(CultureInfo.InvariantCulture));
        if (From is DateOnly f) query.Add(FromField + "=" + BerlinTime.ExportDate(f));
        if (To is DateOnly t) query.Add(ToField + "=" + BerlinTime.ExportDate(t));
        if (PlanId is int p) query.Add(PlanField + "=" + p.ToString(CultureInfo.InvariantCulture));
        if (page is int n && n > 1) query.Add("page=" + n.ToString(CultureInfo.InvariantCulture));
        return query.Count == 0 ? path : path + "?" + string.Join("&", query);
    }
}
