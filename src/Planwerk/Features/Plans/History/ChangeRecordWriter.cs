using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Planwerk.Data;

namespace Planwerk.Features.Plans.History;

/// <summary>Writes many <see cref="ChangeRecord"/>s with their fields in a few multi-row INSERT statements instead of
/// one statement per row through the change tracker: a 10,000-measure import records 10,000 changes with about
/// 180,000 fields, which took most of the import's time row by row. The rows are exactly those the change tracker
/// would write (the same objects from <see cref="ChangeRecorder.Complete"/>, every mapped column, values converted by
/// each column's own type mapping, texts as parameters). Runs inside the save's transaction, after the changes it
/// records: record ids are taken from the table's own generator first (PostgreSQL: its identity sequence; SQLite:
/// past the highest id and its AUTOINCREMENT counter, read under the write lock the transaction already holds), so
/// each field refers to its record without reading anything back.</summary>
public static class ChangeRecordWriter
{
    /// <summary>From this many records a save writes them this way; fewer go through the change tracker as before.</summary>
    public const int BulkFrom = 50;

    /// <summary>At most this many parameters per statement. PostgreSQL allows 65,535. SQLite allows 32,766 but finds each
    /// parameter by its name in a list, so binding costs the square of their number per statement: 999 (its old limit)
    /// keeps that small and the statements few.</summary>
    private static int MaxParameters(PlanwerkDbContext db) => IsPostgres(db) ? 30_000 : 999;

    public static async Task WriteAsync(PlanwerkDbContext db, IReadOnlyList<ChangeRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0) return;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Change records are written in the transaction of the changes they record.");
        var recordType = db.Model.FindEntityType(typeof(ChangeRecord))!;
        var fieldType = db.Model.FindEntityType(typeof(ChangeRecordField))!;

        var ids = await NextIdsAsync(db, recordType, records.Count, cancellationToken);
        var fields = new List<ChangeRecordField>();
        for (var i = 0; i < records.Count; i++)
        {
            records[i].Id = ids[i];
            foreach (var field in records[i].Fields)
            {
                field.ChangeRecordId = ids[i];
                fields.Add(field);
            }
        }
        await InsertAsync(db, recordType, records, withKey: true, cancellationToken);
        await InsertAsync(db, fieldType, fields, withKey: false, cancellationToken);
    }

    private static bool IsPostgres(PlanwerkDbContext db) =>
        db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    /// <summary>Takes <paramref name="count"/> ids the table's generator will never give again, in one query.</summary>
    private static async Task<List<long>> NextIdsAsync(PlanwerkDbContext db, IEntityType type, int count, CancellationToken cancellationToken)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = type.GetTableName()!;
        var key = type.FindPrimaryKey()!.Properties.Single().GetColumnName(StoreObjectIdentifier.Table(table, type.GetSchema()))!;
        static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
        List<long> ids;
        // The SQL is made of the model's table and key names (delimited and quoted) and a number: nothing from outside.
#pragma warning disable EF1003
        if (IsPostgres(db))
        {
            ids = await db.Database.SqlQueryRaw<long>(string.Create(CultureInfo.InvariantCulture,
                $"SELECT nextval(pg_get_serial_sequence({Literal(sql.DelimitIdentifier(table, type.GetSchema()))}, {Literal(key)})) AS \"Value\" FROM generate_series(1, {count})"))
                .ToListAsync(cancellationToken);
        }
        else
        {
            // The write lock is held (the transaction has written the changes), so nobody takes these ids meanwhile;
            // writing them moves the AUTOINCREMENT counter past them.
            var last = await db.Database.SqlQueryRaw<long>(
                $"SELECT COALESCE(MAX(x), 0) AS \"Value\" FROM (SELECT MAX({sql.DelimitIdentifier(key)}) AS x FROM {sql.DelimitIdentifier(table)} " +
                $"UNION ALL SELECT seq AS x FROM sqlite_sequence WHERE name = {Literal(table)})").SingleAsync(cancellationToken);
            ids = Enumerable.Range(1, count).Select(i => last + i).ToList();
        }
#pragma warning restore EF1003
        if (ids.Count != count) throw new InvalidOperationException($"Asked for {count} ids of {table}, got {ids.Count}.");
        return ids;
    }

    /// <summary>Inserts the rows with every mapped column (the key only with <paramref name="withKey"/>), as many rows per
    /// statement as the parameter limit allows.</summary>
    private static async Task InsertAsync<T>(PlanwerkDbContext db, IEntityType type, IReadOnlyList<T> rows, bool withKey,
        CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0) return;
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var properties = type.GetProperties().Where(p => withKey || !p.IsPrimaryKey()).ToList();
        if (properties.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
            throw new InvalidOperationException($"{type.DisplayName()}.{shadow.Name} has no value on the object to write.");
        var columns = properties.Select(p => (Getter: p.GetGetter(), Mapping: p.GetRelationalTypeMapping(), Nullable: p.IsNullable)).ToList();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";
        var perStatement = Math.Max(1, MaxParameters(db) / columns.Count);
        // Parameters are made by each column's type mapping (with its value converter) on a command of the connection,
        // then sent through the context (its transaction, logging and interceptors).
        await using var factory = db.Database.GetDbConnection().CreateCommand();
        foreach (var chunk in rows.Chunk(perStatement))
        {
            var parameters = new List<DbParameter>(chunk.Length * columns.Count);
            var text = new StringBuilder(head);
            for (var r = 0; r < chunk.Length; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = "@p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
                    if (c > 0) text.Append(", ");
                    text.Append(name);
                    parameters.Add(columns[c].Mapping.CreateParameter(factory, name, columns[c].Getter.GetClrValueUsingContainingEntity(chunk[r]), columns[c].Nullable));
                }
                text.Append(')');
            }
            await db.Database.ExecuteSqlRawAsync(text.ToString(), parameters, cancellationToken);
        }
    }
}
