using System.Text.Json;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Features.Plans.Versions;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Plans.Versions;

/// <summary>The comparison of two plan documents, without a database.</summary>
public sealed class PlanComparisonTests
{
    internal static MeasureDocument Measure(int? id, string number, string title, string goal = "Ziel") =>
        new(id, number, title, goal, "", "", "", "", [], null, null, null, "", MeasurePriority.Medium, [], MeasureStatus.NotStarted, 0, false);

    internal static PlanDocument Plan(IReadOnlyList<PrincipleDocument>? principles = null, params FieldDocument[] fields) =>
        new(PlanDocument.FormatName, PlanDocument.CurrentVersion, "Integrationsplan", 2024, 2027, PlanState.Draft, "Zusammenfassung", false,
            principles ?? [new PrincipleDocument(1, "Teilhabe für alle", "")], [], fields, [], []);

    private static PlanComparison Compare(PlanDocument a, PlanDocument b) => PlanComparison.Compare(VersionDocument.Of(a), VersionDocument.Of(b));

    [Fact]
    public void Identical_documents_have_no_changes()
    {
        var plan = Plan(null, new FieldDocument(1, "Sprache", "", [Measure(1, "1.1", "Sprachcafé")]));
        Assert.False(Compare(plan, plan).HasChanges);
    }

    [Fact]
    public void A_changed_weight_is_a_change_and_a_version_that_does_not_know_weights_claims_none()
    {
        PlanDocument Weighing(decimal? weight) => Plan(null, new FieldDocument(1, "Sprache", "", [Measure(1, "1.1", "Sprachcafé") with { Weight = weight }]));
        var fact = Assert.Single(Assert.Single(Compare(Weighing(1m), Weighing(2.5m)).ChangedMeasures).Facts);
        Assert.Equal("Gewicht", fact.Label);
        Assert.False(Compare(Weighing(null), Weighing(2.5m)).HasChanges);
    }

    [Fact]
    public void Added_and_removed_measures_are_found_by_key()
    {
        var a = Plan(null, new FieldDocument(1, "Sprache", "", [Measure(1, "1.1", "Sprachcafé"), Measure(2, "1.2", "Lesepaten")]));
        var b = Plan(null, new FieldDocument(1, "Sprache", "", [Measure(1, "1.1", "Sprachcafé"), Measure(3, "1.3", "Kitas")]));
        var result = Compare(a, b);
        Assert.Equal("Lesepaten", Assert.Single(result.RemovedMeasures).Current.Title);
        Assert.Equal("Kitas", Assert.Single(result.AddedMeasures).Current.Title);
        Assert.Empty(result.ChangedMeasures);
    }

    [Fact]
    public void A_measure_moved_to_another_field_and_renumbered_is_moved_not_removed()
    {
        var a = Plan(null, new FieldDocument(1, "Sprache", "", [Measure(7, "1.1", "Sprachcafé")]), new FieldDocument(2, "Arbeit", "", []));
        var b = Plan(null, new FieldDocument(1, "Sprache", "", []), new FieldDocument(2, "Arbeit", "", [Measure(7, "2.1", "Sprachcafé")]));
        var result = Compare(a, b);
        var moved = Assert.Single(result.ChangedMeasures);
        Assert.True(moved.ChangedField);
        Assert.True(moved.Renumbered);
        Assert.Empty(moved.Facts);
        Assert.Empty(result.AddedMeasures);
        Assert.Empty(result.RemovedMeasures);
        Assert.Equal(1, result.MovedCount);
        Assert.Equal(0, result.ChangedCount);
    }

    [Fact]
    public void A_renumbered_measure_in_the_same_field_is_moved()
    {
        var a = Plan(null, new FieldDocument(1, "Sprache", "", [Measure(7, "1.1", "Sprachcafé"), Measure(8, "1.2", "Lesepaten")]));
        var b = Plan(null, new FieldDocument(1, "Sprache", "", [Measure(8, "1.1", "Lesepaten"), Measure(7, "1.2", "Sprachcafé")]));
        var result = Compare(a, b);
        Assert.Equal(2, result.MovedCount);
        Assert.All(result.ChangedMeasures, m => Assert.False(m.ChangedField));
        Assert.Equal(["Lesepaten", "Sprachcafé"], result.ChangedMeasures.Select(m => m.Current.Title));
    }

    [Fact]
    public void Changed_facts_name_old_and_new_values()
    {
        var a = Plan(null, new FieldDocument(1, "Sprache", "", [Measure(1, "1.1", "Sprachcafé im Stadtteil", goal: "Mehr Deutsch")]));
        var changedMeasure = Measure(1, "1.1", "Sprachcafé im Rathaus", goal: "Mehr Deutsch") with { Status = MeasureStatus.Completed };
        var b = Plan(null, new FieldDocument(1, "Sprache", "", [changedMeasure]));
        var change = Assert.Single(Compare(a, b).ChangedMeasures);
        Assert.False(change.IsMoved);
        Assert.Equal(["Titel", "Status"], change.Facts.Select(f => f.Label));
        var title = change.Facts[0];
        Assert.Equal(("Sprachcafé im Stadtteil", "Sprachcafé im Rathaus"), (title.Old, title.New));
        Assert.Equal(FactKind.Choice, change.Facts[1].Kind);
        Assert.Equal(PlanText.Status(MeasureStatus.Completed), change.Facts[1].New);
    }

    [Fact]
    public void Measures_with_other_ids_are_matched_by_number()
    {
        // As after an import into a new plan: every id is new, the numbers are the same.
        var a = Plan(null, new FieldDocument(1, "Sprache", "", [Measure(1, "1.1", "Sprachcafé"), Measure(2, "1.2", "Lesepaten")]));
        var b = Plan(null, new FieldDocument(1, "Sprache", "", [Measure(101, "1.1", "Sprachcafé"), Measure(102, "1.2", "Lesepatinnen")]));
        var result = Compare(a, b);
        Assert.Empty(result.AddedMeasures);
        Assert.Empty(result.RemovedMeasures);
        var change = Assert.Single(result.ChangedMeasures);
        Assert.Equal("Lesepatinnen", change.Current.Title);
    }

    [Fact]
    public void An_id_match_wins_over_a_number_match()
    {
        var a = Plan(null, new FieldDocument(1, "Sprache", "", [Measure(1, "1.1", "Sprachcafé"), Measure(2, "1.2", "Lesepaten")]));
        var b = Plan(null, new FieldDocument(1, "Sprache", "", [Measure(2, "1.1", "Lesepaten"), Measure(1, "1.2", "Sprachcafé")]));
        var result = Compare(a, b);
        Assert.All(result.ChangedMeasures, m => Assert.Empty(m.Facts));
        Assert.Equal(2, result.MovedCount);
    }

    [Fact]
    public void Changed_plan_facts_principles_and_fields_are_reported()
    {
        var a = Plan([new PrincipleDocument(1, "Teilhabe für alle", ""), new PrincipleDocument(2, "Vielfalt", "")],
            new FieldDocument(1, "Sprache und Bildung", "", []), new FieldDocument(2, "Arbeit", "", []));
        var b = Plan([new PrincipleDocument(1, "Teilhabe für alle Menschen", "")], new FieldDocument(1, "Sprache und Kultur", "", []),
            new FieldDocument(3, "Wohnen", "", [])) with { State = PlanState.Adopted, Title = "Integrationsplan 2025" };
        var result = Compare(a, b);
        Assert.Equal(["Titel", "Stand des Plans"], result.PlanFacts.Select(f => f.Label));
        Assert.Equal([(PartChangeKind.Changed, "1"), (PartChangeKind.Removed, "2")], result.Principles.Select(p => (p.Kind, p.Number)));
        Assert.Equal([(PartChangeKind.Changed, "1"), (PartChangeKind.Added, "3"), (PartChangeKind.Removed, "2")],
            result.Fields.Select(p => (p.Kind, p.Number)));
        Assert.Equal("Sprache und Kultur", result.Fields[0].Facts.Single().New);
    }

    [Fact]
    public void Sections_are_matched_by_title_then_by_position_and_their_changed_words_marked()
    {
        var plan = Plan(null);
        var a = plan with
        {
            Sections =
            [
                new SectionDocument("Vorwort", "Liebe Leserinnen und Leser"),
                new SectionDocument("Rückblick", "Viel erreicht"),
                new SectionDocument("Bestand", "Angebote der Stadt"),
                new SectionDocument("Alt", "Fällt weg"),
            ],
        };
        var b = plan with
        {
            Sections =
            [
                new SectionDocument("Rückblick", "Viel erreicht"),                   // moved up, unchanged: no change
                new SectionDocument("Vorwort", "Liebe Bürgerinnen und Bürger"),     // moved down, text changed: by title
                new SectionDocument("Bestandsaufnahme", "Angebote der Stadt"),      // renamed at position 3: by position
            ],
        };

        var result = Compare(a, b);

        Assert.Equal(
            [(PartChangeKind.Changed, "2", "Vorwort"), (PartChangeKind.Changed, "3", "Bestandsaufnahme"), (PartChangeKind.Removed, "4", "Alt")],
            result.Sections.Select(s => (s.Kind, s.Number, s.Title)));
        Assert.Contains((PartChangeKind.Added, "4", "Alt"), Compare(b, a).Sections.Select(s => (s.Kind, s.Number, s.Title)));
        var text = Assert.Single(result.Sections[0].Facts);
        Assert.Equal("Text", text.Label);
        Assert.Equal([(DiffPartKind.Same, "Liebe "), (DiffPartKind.Removed, "Leserinnen"), (DiffPartKind.Inserted, "Bürgerinnen"), (DiffPartKind.Same, " und "), (DiffPartKind.Removed, "Leser"), (DiffPartKind.Inserted, "Bürger")],
            text.Words.Select(w => (w.Kind, w.Text)));
        Assert.Equal(("Titel", "Bestand", "Bestandsaufnahme"), (result.Sections[1].Facts.Single().Label, result.Sections[1].Facts.Single().Old, result.Sections[1].Facts.Single().New));
        Assert.Empty(Compare(a, a).Sections);
        var hostile = b with { Sections = [.. b.Sections, new SectionDocument(HostileText.Script, HostileText.RightToLeft)] };
        Assert.Equal((PartChangeKind.Added, "4", HostileText.Script), Compare(b, hostile).Sections.Select(s => (s.Kind, s.Number, s.Title)).Single());
    }

    [Fact]
    public void A_version_frozen_in_format_1_is_read_and_its_measure_ids_match_the_keys_of_a_later_version()
    {
        var later = Plan(null, new FieldDocument(1, "Sprache", "", [Measure(7, "1.2", "Sprachcafé am Abend"), Measure(8, "1.1", "Neu")])) with
        {
            Sections = [new SectionDocument("Vorwort", "Text")],
        };
        // As stored before keys, sections and images were in the format.
        var old = JsonSerializer.SerializeToNode(Plan(null, new FieldDocument(1, "Sprache", "", [Measure(7, "1.1", "Sprachcafé")])), PlanDocument.JsonOptions)!.AsObject();
        old["version"] = 1;
        old.Remove("sections");
        old.Remove("images");
        var measure = old["fields"]![0]!["measures"]![0]!.AsObject();
        measure.Remove("key");
        measure.Insert(0, "id", 7);

        var frozen = VersionDocument.Read(old.ToJsonString());
        var result = PlanComparison.Compare(frozen, VersionDocument.Of(later));

        Assert.Equal(7, frozen.Plan.Fields[0].Measures[0].Key);
        Assert.Empty(frozen.Sections);
        var changed = Assert.Single(result.ChangedMeasures);
        Assert.True(changed.Renumbered);
        Assert.Equal("Neu", Assert.Single(result.AddedMeasures).Current.Title);
        Assert.Empty(result.RemovedMeasures);
        Assert.Equal(PartChangeKind.Added, Assert.Single(result.Sections).Kind);
    }

    [Fact]
    public void Word_diff_marks_exactly_the_changed_word()
    {
        var parts = WordDiff.Compute("Sprachcafé im Stadtteil Nord", "Sprachcafé im Rathaus Nord");
        Assert.Equal(
            [(DiffPartKind.Same, "Sprachcafé im "), (DiffPartKind.Removed, "Stadtteil"), (DiffPartKind.Inserted, "Rathaus"), (DiffPartKind.Same, " Nord")],
            parts.Select(p => (p.Kind, p.Text)));
    }

    [Fact]
    public void Word_diff_keeps_punctuation_apart_from_words()
    {
        var parts = WordDiff.Compute("Kurse, Beratung.", "Kurse, Beratung und Begleitung.");
        Assert.Equal([(DiffPartKind.Same, "Kurse, Beratung"), (DiffPartKind.Inserted, " und Begleitung"), (DiffPartKind.Same, ".")],
            parts.Select(p => (p.Kind, p.Text)));
    }

    [Fact]
    public void Word_diff_of_text_and_empty_text_is_all_inserted_or_all_removed()
    {
        Assert.Equal([(DiffPartKind.Inserted, "neu")], WordDiff.Compute("", "neu").Select(p => (p.Kind, p.Text)));
        Assert.Equal([(DiffPartKind.Removed, "alt")], WordDiff.Compute(null, null).Count == 0
            ? WordDiff.Compute("alt", "").Select(p => (p.Kind, p.Text)) : []);
    }
}
