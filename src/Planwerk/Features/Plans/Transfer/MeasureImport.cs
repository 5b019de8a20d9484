using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Planwerk.Data;
using Planwerk.Features.Implementation;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans.Manage;
using Planwerk.Infrastructure.Editing;

namespace Planwerk.Features.Plans.Transfer;

/// <summary>What an import did, or why it did nothing.</summary>
public sealed record MeasureImportResult(IReadOnlyList<ImportProblem> Problems, int Created, int Updated, int Unchanged, int FieldsCreated, int FieldsRenamed)
{
    public bool Succeeded => Problems.Count == 0;

    /// <summary>Organisations the import added to the registry (only with its option to create missing ones).</summary>
    public int OrganisationsCreated { get; init; }

    public static MeasureImportResult Failed(IReadOnlyList<ImportProblem> problems) => new(problems, 0, 0, 0, 0, 0);
}

/// <summary>Imports a measure table (CSV or XLSX) into an existing plan. First every row is checked
/// and every problem reported (row, column, reason); only a file without any problem is applied, in
/// one transaction. A row whose key (column "Schlüssel", formerly "id") is a measure's key in this plan
/// updates that measure; a row with a key the plan does not have creates a measure with that key; a row
/// without a key creates a measure with the next free key; nothing is deleted. Columns the file leaves out keep their values (or take the defaults
/// for new measures). A field number the plan lacks is created when the row gives a field title.
/// Lead and partners are names of the registry's organisations; a name it lacks is refused with its row, or
/// created when <c>createOrganisations</c> is set. See docs/import-export.md.</summary>
public static class MeasureImport
{
    public static Task<MeasureImportResult> ImportAsync(PlanwerkDbContext db, int planId, ReadOnlyMemory<byte> content, DateTimeOffset now,
        CancellationToken cancellationToken = default) =>
        ImportAsync(db, planId, content, now, createOrganisations: false, cancellationToken);

    public static async Task<MeasureImportResult> ImportAsync(PlanwerkDbContext db, int planId, ReadOnlyMemory<byte> content, DateTimeOffset now,
        bool createOrganisations, CancellationToken cancellationToken = default)
    {
        var reading = MeasureFiles.Read(content.Span);
        if (reading.Problem is not null) return MeasureImportResult.Failed([reading.Problem]);
        return await ImportAsync(db, planId, reading.Sheet!, now, createOrganisations, cancellationToken);
    }

    public static Task<MeasureImportResult> ImportAsync(PlanwerkDbContext db, int planId, Sheet sheet, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ImportAsync(db, planId, sheet, now, createOrganisations: false, cancellationToken);

    public static async Task<MeasureImportResult> ImportAsync(PlanwerkDbContext db, int planId, Sheet sheet, DateTimeOffset now,
        bool createOrganisations, CancellationToken cancellationToken = default)
    {
        var problems = new List<ImportProblem>();
        var levels = await db.Plans.AsNoTracking().Where(p => p.Id == planId).SelectLevels().FirstOrDefaultAsync(cancellationToken);
        var columns = ReadHeader(sheet, levels, problems);
        if (problems.Count > 0) return MeasureImportResult.Failed(problems);

        var target = await PlanInDatabase.LoadAsync(db, planId, cancellationToken);
        var words = levels ?? PlanLevels.Default;
        var organisations = await OrganisationNames.LoadAsync(db, createOrganisations, cancellationToken);
        var rows = new List<RowValues>();
        foreach (var row in sheet.Rows)
        {
            if (row.Cells.All(string.IsNullOrWhiteSpace)) continue;
            if (row.Cells.Count > sheet.Header.Count && row.Cells.Skip(sheet.Header.Count).Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                problems.Add(ImportProblem.InRow(row.Number, ExtraCells, row.Cells.Count.ToString(CultureInfo.InvariantCulture), sheet.Header.Count.ToString(CultureInfo.InvariantCulture)));
                continue;
            }
            rows.Add(ReadRow(row, columns, target, words, organisations, problems));
        }
        if (rows.Count == 0 && problems.Count == 0) problems.Add(ImportProblem.InFile(ImportTexts.NoRows));
        CheckAcrossRows(rows, columns, target, words, problems);
        if (problems.Count > 0) return MeasureImportResult.Failed(problems);

        try
        {
            return await ApplyAsync(db, target, organisations, rows, now, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent edit (stale version, or a number taken meanwhile): the transaction is rolled back.
            db.ChangeTracker.Clear();
            return MeasureImportResult.Failed([ImportProblem.InFile(ImportTexts.ChangedMeanwhile)]);
        }
    }

    public const string ExtraCells = "Die Zeile hat {0} Werte, die Überschriftenzeile aber nur {1} Spalten.";

    // ------------------------------------------------------------------ header

    /// <summary>The column each header cell names and the header's own spelling (for problem reports).</summary>
    private sealed class Columns
    {
        public Dictionary<MeasureColumn, (int Index, string Header)> Present { get; } = [];

        public bool Has(MeasureColumn column) => Present.ContainsKey(column);

        public string Header(MeasureColumn column) =>
            Present.TryGetValue(column, out var p) ? p.Header : MeasureColumns.Info(column).German;
    }

    private static Columns ReadHeader(Sheet sheet, PlanLevels? levels, List<ImportProblem> problems)
    {
        var columns = new Columns();
        if (sheet.Header.All(string.IsNullOrWhiteSpace))
        {
            problems.Add(ImportProblem.InRow(1, ImportTexts.NoHeader));
            return columns;
        }
        var known = string.Join(", ", MeasureColumns.All.Select(c => c.German));
        for (var i = 0; i < sheet.Header.Count; i++)
        {
            var header = sheet.Header[i];
            if (string.IsNullOrWhiteSpace(header))
            {
                if (sheet.Rows.Any(r => i < r.Cells.Count && !string.IsNullOrWhiteSpace(r.Cells[i])))
                    problems.Add(ImportProblem.InRow(1, ImportTexts.UnnamedColumn, ColumnLetters(i)));
                continue;
            }
            var info = MeasureColumns.Find(header, levels);
            if (info is null)
            {
                problems.Add(ImportProblem.At(1, header.Trim(), ImportTexts.UnknownColumn, known));
            }
            else if (columns.Present.TryGetValue(info.Column, out var earlier))
            {
                problems.Add(ImportProblem.At(1, header.Trim(), ImportTexts.DuplicateColumn, earlier.Header));
            }
            else
            {
                columns.Present[info.Column] = (i, header.Trim());
            }
        }
        foreach (var required in MeasureColumns.All.Where(c => c.Required && !columns.Has(c.Column)))
        {
            var header = MeasureColumns.Header(required, levels ?? PlanLevels.Default);
            problems.Add(ImportProblem.At(1, header, ImportTexts.MissingColumn, header, required.English));
        }
        return columns;
    }

    /// <summary>"A", "B", … "AA": how spreadsheets name the column at a 0-based index.</summary>
    private static string ColumnLetters(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }

    // ------------------------------------------------------------------ rows

    /// <summary>The values of one row, read and checked on their own. A value is null where the file
    /// has no such column (or the cell could not be read; its problem is reported).</summary>
    private sealed class RowValues
    {
        public int Row { get; init; }
        public Measure? Existing { get; set; }
        public int? Key { get; set; }
        public int? FieldNumber { get; set; }
        public string? FieldTitle { get; set; }
        public string? Number { get; set; }
        public Dictionary<MeasureColumn, string> Texts { get; } = [];
        public List<District>? Districts { get; set; }
        public List<Principle>? Principles { get; set; }
        public bool HasLead { get; set; }
        public Stakeholder? Lead { get; set; }
        public List<Stakeholder>? Partners { get; set; }
        public bool HasStart { get; set; }
        public DateOnly? Start { get; set; }
        public bool HasEnd { get; set; }
        public DateOnly? End { get; set; }
        public bool HasCost { get; set; }
        public decimal? Cost { get; set; }
        public MeasurePriority? Priority { get; set; }
        public MeasureStatus? Status { get; set; }
        public int? Progress { get; set; }
        public decimal? Weight { get; set; }
        public bool? IsExample { get; set; }
        /// <summary>False when a cell of the row could not be read, so rules across cells are not checked.</summary>
        public bool Readable { get; set; } = true;
    }

    private static readonly MeasureColumn[] TextColumns =
    [
        MeasureColumn.Title, MeasureColumn.Goal, MeasureColumn.Description, MeasureColumn.TargetGroups,
        MeasureColumn.Funding,
    ];

    private static RowValues ReadRow(SheetRow row, Columns columns, PlanInDatabase target, PlanLevels levels, OrganisationNames organisations, List<ImportProblem> problems)
    {
        var values = new RowValues { Row = row.Number };
        string Cell(MeasureColumn column)
        {
            var index = columns.Present[column].Index;
            return index < row.Cells.Count ? row.Cells[index] : "";
        }
        void Problem(MeasureColumn column, string message, params string[] arguments)
        {
            problems.Add(ImportProblem.At(row.Number, columns.Header(column), message, arguments));
            values.Readable = false;
        }
        T? Take<T>(MeasureColumn column, Parsed<T> parsed)
        {
            if (parsed.Problem is null) return parsed.Value;
            Problem(column, parsed.Problem, parsed.Arguments);
            return default;
        }
        bool Checked(MeasureColumn column, string text, int? maxLength)
        {
            if (ValueParsing.ControlCharacter(text) is char c)
            {
                Problem(column, ImportTexts.ControlCharacter, ValueParsing.Hex(c));
                return false;
            }
            if (maxLength is int max && text.Length > max)
            {
                Problem(column, ImportTexts.TooLong, text.Length.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture));
                return false;
            }
            return true;
        }

        if (columns.Has(MeasureColumn.Key)) values.Key = Take(MeasureColumn.Key, ValueParsing.Key(Cell(MeasureColumn.Key)));
        if (values.Key is int key) values.Existing = target.MeasuresByKey.GetValueOrDefault(key);

        values.FieldNumber = string.IsNullOrWhiteSpace(Cell(MeasureColumn.FieldNumber))
            ? Missing(MeasureColumn.FieldNumber)
            : Take(MeasureColumn.FieldNumber, ValueParsing.FieldNumber(Cell(MeasureColumn.FieldNumber), levels.Field.One).AsNullable());
        if (columns.Has(MeasureColumn.FieldTitle))
        {
            var title = Cell(MeasureColumn.FieldTitle);
            if (!string.IsNullOrWhiteSpace(title) && Checked(MeasureColumn.FieldTitle, title, target.Limits.FieldTitle)) values.FieldTitle = title;
        }

        var number = Cell(MeasureColumn.Number).Trim();
        if (number.Length == 0)
        {
            Missing(MeasureColumn.Number);
        }
        else if (!Measure.IsValidNumber(number) || !number.Contains('.', StringComparison.Ordinal))
        {
            Problem(MeasureColumn.Number, ImportTexts.NotANumber, number, levels.Measure.One, levels.Field.One);
        }
        else if (values.FieldNumber is int fieldNumber && MeasureNumbers.FieldPart(number) != fieldNumber)
        {
            Problem(MeasureColumn.Number, ImportTexts.NumberOutsideField, number, fieldNumber.ToString(CultureInfo.InvariantCulture), levels.Field.One);
        }
        else
        {
            values.Number = number;
        }

        foreach (var column in TextColumns.Where(columns.Has))
        {
            var text = Cell(column);
            if (column == MeasureColumn.Title && string.IsNullOrWhiteSpace(text))
            {
                Missing(column);
                continue;
            }
            if (Checked(column, text, target.Limits.For(column))) values.Texts[column] = text;
        }

        Stakeholder? Organisation(MeasureColumn column, string name)
        {
            if (!Checked(column, name, Stakeholder.MaxNameLength)) return null;
            var found = organisations.Find(name);
            if (found is null) Problem(column, ImportTexts.UnknownOrganisation, name.Trim());
            return found;
        }
        if (columns.Has(MeasureColumn.ResponsibleOffice))
        {
            values.HasLead = true;
            var name = Cell(MeasureColumn.ResponsibleOffice);
            if (!string.IsNullOrWhiteSpace(name)) values.Lead = Organisation(MeasureColumn.ResponsibleOffice, name);
        }
        if (columns.Has(MeasureColumn.PartnerOrganisations))
        {
            var partners = new List<Stakeholder>();
            foreach (var name in MeasureOrganisation.SplitPartners(Cell(MeasureColumn.PartnerOrganisations)))
            {
                if (Organisation(MeasureColumn.PartnerOrganisations, name) is not { } partner || partners.Contains(partner)) continue;
                if (partner == values.Lead) Problem(MeasureColumn.PartnerOrganisations, ImportTexts.LeadAlsoPartner, partner.Name);
                else partners.Add(partner);
            }
            values.Partners = partners;
        }

        if (columns.Has(MeasureColumn.Districts))
        {
            var districts = new List<District>();
            foreach (var name in ValueParsing.ListItems(Cell(MeasureColumn.Districts), commaSeparates: false))
            {
                if (target.FindDistrict(name) is { } district)
                {
                    if (!districts.Contains(district)) districts.Add(district);
                }
                else
                {
                    Problem(MeasureColumn.Districts, ImportTexts.UnknownDistrict, name, target.DistrictNames());
                }
            }
            values.Districts = districts;
        }
        if (columns.Has(MeasureColumn.Principles))
        {
            var principles = new List<Principle>();
            foreach (var item in ValueParsing.ListItems(Cell(MeasureColumn.Principles), commaSeparates: true))
            {
                if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
                    Problem(MeasureColumn.Principles, ImportTexts.NotAPrinciple, item, levels.Principle.One);
                else if (target.PrinciplesByPosition.GetValueOrDefault(position) is { } principle)
                {
                    if (!principles.Contains(principle)) principles.Add(principle);
                }
                else if (target.PrinciplesByPosition.Count == 0)
                    Problem(MeasureColumn.Principles, ImportTexts.NoPrinciples, item, levels.Principle.One, levels.Principle.ManyInSentence);
                else
                    Problem(MeasureColumn.Principles, ImportTexts.UnknownPrinciple, item,
                        string.Join(", ", target.PrinciplesByPosition.Keys.Order().Select(p => p.ToString(CultureInfo.InvariantCulture))), levels.Principle.One);
            }
            values.Principles = principles;
        }

        if (columns.Has(MeasureColumn.StartDate))
        {
            values.HasStart = true;
            values.Start = Take(MeasureColumn.StartDate, ValueParsing.Date(Cell(MeasureColumn.StartDate)));
        }
        if (columns.Has(MeasureColumn.EndDate))
        {
            values.HasEnd = true;
            values.End = Take(MeasureColumn.EndDate, ValueParsing.Date(Cell(MeasureColumn.EndDate)));
        }
        if (columns.Has(MeasureColumn.EstimatedCost))
        {
            values.HasCost = true;
            values.Cost = Take(MeasureColumn.EstimatedCost, ValueParsing.Amount(Cell(MeasureColumn.EstimatedCost)));
        }
        if (columns.Has(MeasureColumn.Priority))
            values.Priority = Take(MeasureColumn.Priority, ValueParsing.Enum(Cell(MeasureColumn.Priority), PlanText.Priority, MeasurePriority.Medium, ImportTexts.NotAPriority).AsNullable());
        if (columns.Has(MeasureColumn.Status))
            values.Status = Take(MeasureColumn.Status, ValueParsing.Enum(Cell(MeasureColumn.Status), PlanText.Status, MeasureStatus.NotStarted, ImportTexts.NotAStatus).AsNullable());
        if (columns.Has(MeasureColumn.Progress))
            values.Progress = Take(MeasureColumn.Progress, ValueParsing.Progress(Cell(MeasureColumn.Progress)).AsNullable());
        if (columns.Has(MeasureColumn.Weight))
            values.Weight = Take(MeasureColumn.Weight, ValueParsing.Weight(Cell(MeasureColumn.Weight)).AsNullable());
        if (columns.Has(MeasureColumn.IsExample))
            values.IsExample = Take(MeasureColumn.IsExample, ValueParsing.YesNo(Cell(MeasureColumn.IsExample)).AsNullable());

        // Rules across the row's cells, on the values the measure will have (the file's, else the stored or default ones).
        if (values.Readable)
        {
            var start = values.HasStart ? values.Start : values.Existing?.StartDate;
            var end = values.HasEnd ? values.End : values.Existing?.EndDate;
            if (MeasureRules.Schedule(start, end) is not null && start is DateOnly s && end is DateOnly e)
                Problem(columns.Has(MeasureColumn.EndDate) ? MeasureColumn.EndDate : MeasureColumn.StartDate, ImportTexts.EndBeforeStart, Iso(e), Iso(s));
            var status = values.Status ?? values.Existing?.Status ?? MeasureStatus.NotStarted;
            var progress = values.Progress ?? values.Existing?.Progress ?? 0;
            if (MeasureRules.Progress(status, progress) == MeasureRules.CompletedBelowFull)
                Problem(columns.Has(MeasureColumn.Progress) ? MeasureColumn.Progress : MeasureColumn.Status, ImportTexts.CompletedBelowFull, progress.ToString(CultureInfo.InvariantCulture));
        }
        return values;

        int? Missing(MeasureColumn column)
        {
            Problem(column, ImportTexts.Required);
            return null;
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Parsed<T?> AsNullable<T>(this Parsed<T> parsed) where T : struct =>
        parsed.Problem is null ? Parsed.Ok<T?>(parsed.Value) : Parsed.Fail<T?>(parsed.Problem, parsed.Arguments);

    // ------------------------------------------------------------------ across rows

    private static void CheckAcrossRows(List<RowValues> rows, Columns columns, PlanInDatabase target, PlanLevels levels, List<ImportProblem> problems)
    {
        var keyRows = new Dictionary<int, int>();
        var numberRows = new Dictionary<string, int>(StringComparer.Ordinal);
        var fieldTitles = new Dictionary<int, (string Title, int Row)>();
        foreach (var row in rows)
        {
            if (row.Key is int key)
            {
                if (keyRows.TryGetValue(key, out var first))
                    problems.Add(ImportProblem.At(row.Row, columns.Header(MeasureColumn.Key), ImportTexts.DuplicateKeyRow, Str(key), Str(first)));
                else keyRows[key] = row.Row;
            }
            if (row.Number is string number)
            {
                if (numberRows.TryGetValue(number, out var first))
                    problems.Add(ImportProblem.At(row.Row, columns.Header(MeasureColumn.Number), ImportTexts.DuplicateNumber, number, Str(first)));
                else numberRows[number] = row.Row;
            }
            if (row.FieldNumber is int field && row.FieldTitle is string title)
            {
                if (fieldTitles.TryGetValue(field, out var earlier))
                {
                    if (!string.Equals(earlier.Title, title, StringComparison.Ordinal))
                        problems.Add(ImportProblem.At(row.Row, columns.Header(MeasureColumn.FieldTitle), ImportTexts.FieldTitleDiffers, Str(field), Str(earlier.Row), levels.Field.One));
                }
                else fieldTitles[field] = (title, row.Row);
            }
        }
        foreach (var row in rows)
        {
            if (row.FieldNumber is int field && !target.FieldsByNumber.ContainsKey(field) && !fieldTitles.ContainsKey(field))
                problems.Add(ImportProblem.At(row.Row, columns.Header(MeasureColumn.FieldNumber), ImportTexts.UnknownField, Str(field), levels.Field.One,
                    MeasureColumns.Header(MeasureColumns.Info(MeasureColumn.FieldTitle), levels)));
        }

        // A number may be taken by a measure of the plan that the file leaves as it is.
        var changedByFile = rows.Where(r => r.Existing is not null).Select(r => r.Existing!.Id).ToHashSet();
        foreach (var row in rows)
        {
            if (row.Number is string number && target.MeasuresByNumber.GetValueOrDefault(number) is { } holder
                && holder != row.Existing && !changedByFile.Contains(holder.Id))
                problems.Add(ImportProblem.At(row.Row, columns.Header(MeasureColumn.Number), ImportTexts.NumberTaken, number, holder.Title, Str(holder.Key), levels.Measure.One));
        }
    }

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    // ------------------------------------------------------------------ apply

    private static async Task<MeasureImportResult> ApplyAsync(PlanwerkDbContext db, PlanInDatabase target, OrganisationNames organisations,
        List<RowValues> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Missing organisations first (only with the option to create them), so that links refer to them by id.
        await organisations.SaveCreatedAsync(db, cancellationToken);

        // Fields first (new ones at the end, in the order of the file), so that measures can refer to them by id.
        var fieldsCreated = 0;
        var fieldsRenamed = 0;
        var lastFieldPosition = target.FieldsById.Values.Select(f => f.Position).DefaultIfEmpty(0).Max();
        foreach (var group in rows.GroupBy(r => r.FieldNumber!.Value))
        {
            var title = group.Select(r => r.FieldTitle).FirstOrDefault(t => t is not null);
            if (target.FieldsByNumber.TryGetValue(group.Key, out var field))
            {
                if (title is not null && !string.Equals(field.Title, title, StringComparison.Ordinal))
                {
                    field.Title = title;
                    fieldsRenamed++;
                }
            }
            else
            {
                field = new FieldOfAction { PlanId = target.PlanId, Position = ++lastFieldPosition, Number = group.Key, Title = title! };
                db.FieldsOfAction.Add(field);
                target.FieldsByNumber[group.Key] = field;
                fieldsCreated++;
            }
        }
        if (fieldsCreated + fieldsRenamed > 0) await db.SaveChangesAsync(cancellationToken);

        // New and moved measures go to the end of their field, in the order of the file.
        var lastPosition = target.Measures.GroupBy(m => m.FieldOfActionId).ToDictionary(g => g.Key, g => g.Max(m => m.Position));
        int NextPosition(int fieldId) => lastPosition[fieldId] = lastPosition.GetValueOrDefault(fieldId) + 1;

        // The measures the file updates, tracked as they were loaded (so a concurrent edit fails the save).
        int updated = 0, unchanged = 0;
        var renumbered = new List<(Measure Measure, string Number)>();
        foreach (var row in rows.Where(r => r.Existing is not null))
        {
            var measure = row.Existing!;
            var fieldId = target.FieldsByNumber[row.FieldNumber!.Value].Id;
            var changed = false;
            if (measure.FieldOfActionId != fieldId)
            {
                measure.FieldOfActionId = fieldId;
                measure.Position = NextPosition(fieldId);
                changed = true;
            }
            if (!string.Equals(measure.Number, row.Number, StringComparison.Ordinal))
            {
                renumbered.Add((measure, row.Number!));
                changed = true;
            }
            changed |= AssignValues(measure, row);
            changed |= AssignLinks(measure, row);
            if (changed)
            {
                measure.UpdatedAt = now;
                updated++;
            }
            else unchanged++;
        }
        if (renumbered.Count > 0)
        {
            // Numbers are unique per plan and the database checks that row by row: swapping two numbers
            // needs a step through numbers nobody has.
            foreach (var (measure, _) in renumbered) measure.Number = "~" + Str(measure.Id);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (measure, number) in renumbered) measure.Number = number;
        }
        if (updated > 0) await db.SaveChangesAsync(cancellationToken);

        // New measures, then their districts and principles by id. Linking them through navigations
        // would make the change tracker fix up every district's and principle's list of measures, which
        // costs time growing with the square of the number of measures.
        db.ChangeTracker.Clear();
        var additions = new List<(Measure Measure, RowValues Row)>();
        foreach (var row in rows.Where(r => r.Existing is null))
        {
            var fieldId = target.FieldsByNumber[row.FieldNumber!.Value].Id;
            var measure = new Measure
            {
                PlanId = target.PlanId,
                FieldOfActionId = fieldId,
                Position = NextPosition(fieldId),
                Number = row.Number!,
                Title = row.Texts[MeasureColumn.Title],
                Key = row.Key ?? 0,
                UpdatedAt = now,
            };
            AssignValues(measure, row);
            AssignOrganisations(measure, row);
            additions.Add((measure, row));
        }
        if (additions.Count > 0)
        {
            db.Measures.AddRange(additions.Select(a => a.Measure));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            await InsertLinksAsync(db, nameof(Measure.Districts), additions.SelectMany(a => (a.Row.Districts ?? []).Select(d => (a.Measure.Id, d.Id))), cancellationToken);
            await InsertLinksAsync(db, nameof(Measure.Principles), additions.SelectMany(a => (a.Row.Principles ?? []).Select(p => (a.Measure.Id, p.Id))), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new MeasureImportResult([], additions.Count, updated, unchanged, fieldsCreated, fieldsRenamed) { OrganisationsCreated = organisations.Created.Count };
    }

    /// <summary>Inserts rows of a many-to-many join table of measures (named by the measure's navigation)
    /// with plain multi-row INSERT statements: through the change tracker, 25,000 links of a
    /// 10,000-measure import took seconds on PostgreSQL. Table and column names come from the model;
    /// the values are ids the import has just read or written (integers, never text from the file).</summary>
    private static async Task InsertLinksAsync(PlanwerkDbContext db, string navigation, IEnumerable<(int MeasureId, int OtherId)> pairs, CancellationToken cancellationToken)
    {
        var skip = db.Model.FindEntityType(typeof(Measure))?.FindSkipNavigation(navigation)
            ?? throw new InvalidOperationException($"Measure has no many-to-many navigation {navigation}.");
        var join = skip.JoinEntityType;
        var table = StoreObjectIdentifier.Table(join.GetTableName()!, join.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var measureColumn = sql.DelimitIdentifier(skip.ForeignKey.Properties.Single().GetColumnName(table)!);
        var otherColumn = sql.DelimitIdentifier(skip.Inverse.ForeignKey.Properties.Single().GetColumnName(table)!);
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({measureColumn}, {otherColumn}) VALUES ";
        foreach (var chunk in pairs.Distinct().Chunk(1000))
        {
            var statement = new StringBuilder(head);
            for (var i = 0; i < chunk.Length; i++)
            {
                if (i > 0) statement.Append(", ");
                statement.Append('(').Append(Str(chunk[i].MeasureId)).Append(", ").Append(Str(chunk[i].OtherId)).Append(')');
            }
            await db.Database.ExecuteSqlRawAsync(statement.ToString(), cancellationToken);
        }
    }

    /// <summary>Sets the values the row gives; true when any differs from what the measure had.</summary>
    private static bool AssignValues(Measure measure, RowValues row)
    {
        var changed = false;
        void Set<T>(T current, T value, Action<T> set)
        {
            if (EqualityComparer<T>.Default.Equals(current, value)) return;
            set(value);
            changed = true;
        }
        foreach (var (column, text) in row.Texts)
        {
            switch (column)
            {
                case MeasureColumn.Title: Set(measure.Title, text, v => measure.Title = v); break;
                case MeasureColumn.Goal: Set(measure.Goal, text, v => measure.Goal = v); break;
                case MeasureColumn.Description: Set(measure.Description, text, v => measure.Description = v); break;
                case MeasureColumn.TargetGroups: Set(measure.TargetGroups, text, v => measure.TargetGroups = v); break;
                case MeasureColumn.Funding: Set(measure.Funding, text, v => measure.Funding = v); break;
                default: throw new InvalidOperationException($"{column} is no text column.");
            }
        }
        if (row.HasStart) Set(measure.StartDate, row.Start, v => measure.StartDate = v);
        if (row.HasEnd) Set(measure.EndDate, row.End, v => measure.EndDate = v);
        if (row.HasCost) Set(PlanDocument.NormalizeAmount(measure.EstimatedCost), row.Cost, v => measure.EstimatedCost = v);
        if (row.Priority is { } priority) Set(measure.Priority, priority, v => measure.Priority = v);
        if (row.Status is { } status) Set(measure.Status, status, v => measure.Status = v);
        if (row.Progress is { } progress) Set(measure.Progress, progress, v => measure.Progress = v);
        if (row.Weight is { } weight) Set(measure.Weight, weight, v => measure.Weight = v);
        if (row.IsExample is { } example) Set(measure.IsExample, example, v => measure.IsExample = v);
        return changed;
    }

    /// <summary>Sets the districts and principles the row gives on a tracked measure; true when they changed.</summary>
    private static bool AssignLinks(Measure measure, RowValues row)
    {
        var changed = false;
        if (row.Districts is { } districts && !SameItems(measure.Districts, districts))
        {
            measure.Districts.Clear();
            measure.Districts.AddRange(districts);
            changed = true;
        }
        if (row.Principles is { } principles && !SameItems(measure.Principles, principles))
        {
            measure.Principles.Clear();
            measure.Principles.AddRange(principles);
            changed = true;
        }
        return AssignOrganisations(measure, row) | changed;
    }

    /// <summary>Sets the lead and partners the row gives (by id: a created organisation is saved by now); true when they changed.</summary>
    private static bool AssignOrganisations(Measure measure, RowValues row)
    {
        var lead = measure.Organisations.Where(o => o.Role == MeasureOrganisationRole.Lead).Select(o => (int?)o.OrganisationId).FirstOrDefault();
        var partners = measure.Organisations.Where(o => o.Role == MeasureOrganisationRole.Partner).OrderBy(o => o.Position).Select(o => o.OrganisationId).ToList();
        var wantedLead = row.HasLead ? row.Lead?.Id : lead;
        var wantedPartners = row.Partners?.Select(p => p.Id).ToList() ?? partners;
        if (wantedLead == lead && wantedPartners.SequenceEqual(partners)) return false;
        MeasureOrganisations.Assign(measure, wantedLead, wantedPartners);
        return true;
    }

    private static bool SameItems<T>(List<T> current, List<T> wanted) where T : class =>
        current.Count == wanted.Count && current.All(wanted.Contains);
}
