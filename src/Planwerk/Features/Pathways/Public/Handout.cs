using System.Globalization;
using Planwerk.Features.Services;
using Planwerk.Features.Services.Print;

namespace Planwerk.Features.Pathways.PublicPages;

/// <summary>The finder's result as a short handout, the same for the print view and the PDF: the answers in words, each
/// step with its texts and the chosen services' places and hours, in the reading language and its direction, and the
/// page's absolute address (for the QR code).</summary>
public sealed record Handout(FinderRun Run, string Municipality, string Address, DateOnly Today, HandoutLabels Labels, DirectoryLabels Words)
{
    public string Language => Run.Choice.Language;
    public bool IsRightToLeft => Run.Choice.IsRightToLeft;
    public string Direction => Run.Choice.Direction;

    public static Handout For(FinderRun run, string municipality, string address, DateOnly today)
    {
        var ui = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "de";
        var language = run.Choice.Language == PathwayTexts.EasyGerman ? "de" : run.Choice.Language;
        return new Handout(run, municipality, address, today, HandoutLabels.For(run.Choice.Language, ui), DirectoryLabels.For(language, ui));
    }

    /// <summary>The answers given, as label and value in the handout's words (district names as written).</summary>
    public IReadOnlyList<(string Label, string Value)> Answers
    {
        get
        {
            var a = Run.Answers;
            var list = new List<(string, string)>();
            if (a.Situation is { } s) list.Add((Labels.Situation, Words.Audience(s)[0]));
            if (a.Age is { } g) list.Add((Labels.Age, g.Maximum is int max ? g.Minimum + "–" + max : g.Minimum + "+"));
            if (a.Children is { } c) list.Add((Labels.Children, c ? Labels.Yes : Labels.No));
            if (Run.DistrictName is { } d) list.Add((Labels.District, d));
            return list;
        }
    }

    /// <summary>A step's texts that are not empty, with their labels, in the handout's order.</summary>
    public IReadOnlyList<(string Label, ShownText Text, bool Lines)> Facts(PublishedStep s) =>
        new (string, ShownText, bool)[]
        {
            (Labels.WhatToDo, s.WhatToDo.In(Language), false), (Labels.Why, s.Why.In(Language), false),
            (Labels.Documents, s.DocumentsToBring.In(Language), true), (Labels.Deadlines, s.Deadlines.In(Language), false),
            (Labels.WaitingTime, s.WaitingTime.In(Language), false), (Labels.Tips, s.Tips.In(Language), false),
        }.Where(f => f.Item2.Text.Length > 0).ToList();

    /// <summary>"Monday 09:00–12:00, 13:00–16:00" per weekday, day names in the handout's language.</summary>
    public IReadOnlyList<(string Day, string Times)> Hours(IReadOnlyList<ServiceSchedule> hours)
    {
        var culture = CultureInfo.GetCultureInfo(Words.Language);
        return hours.GroupBy(h => h.Weekday)
            .Select(day => (culture.DateTimeFormat.GetDayName(day.Key), string.Join(", ", day.Select(h => DirectoryDocument.Times(h.Opens, h.Closes)))))
            .ToList();
    }
}
