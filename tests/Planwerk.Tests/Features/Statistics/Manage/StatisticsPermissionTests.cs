using System.Globalization;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Statistics.Manage;

/// <summary>Who may keep the statistics, for every kind of visitor: plan editors and administrators of the municipality
/// (the figures stand beside the plan, so its writers keep them); no moderator, council clerk, counsellor, member of an
/// organisation, resident or anyone of another municipality; anonymous visitors are sent to sign in.</summary>
public abstract class StatisticsPermissionTests(PlanwerkApp app)
{
    public static TheoryData<Visitor> Visitors => PermissionMatrix.Visitors();

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Only_plan_editors_and_administrators_open_and_change_datasets(Visitor visitor)
    {
        var m = await app.CreateMunicipalityAsync();
        var id = await m.AddDatasetAsync(categories: ["Altstadt"], figures: [(2015, "Altstadt", 1m, "")]);
        var client = await PermissionMatrix.ClientAsync(app, m, visitor);
        var url = $"/{m.Slug}/manage/statistics";
        var dataset = $"{url}/{Id(id)}";
        var version = Id((await m.DatasetAsync(id)).Version);

        await PermissionMatrix.AssertAsync(client, visitor,
        [
            PermissionCheck.Get(url, Access.PlanEditor),
            PermissionCheck.Get($"{url}/new", Access.PlanEditor),
            PermissionCheck.Get(dataset, Access.PlanEditor),
            PermissionCheck.Get($"{dataset}/figures", Access.PlanEditor),
            PermissionCheck.Get($"{dataset}/categories", Access.PlanEditor),
            PermissionCheck.Get($"{dataset}/import", Access.PlanEditor),
            PermissionCheck.Get($"{dataset}/history", Access.PlanEditor),
            PermissionCheck.Get($"{dataset}/delete", Access.PlanEditor),
            PermissionCheck.Post(dataset, Access.PlanEditor, new() { ["Input.Code"] = "zuweisungen", ["Input.Title"] = "Geändert von " + visitor, ["Version"] = version }),
            PermissionCheck.Post($"{url}/new", Access.PlanEditor, new() { ["Input.Code"] = "neu", ["Input.Title"] = "Neu von " + visitor }),
        ]);

        Assert.Equal(Access.PlanEditor(visitor) ? "Geändert von " + visitor : "Zugewiesene Asylsuchende", (await m.DatasetAsync(id)).Title);
        Assert.Equal(Access.PlanEditor(visitor) ? 2 : 1, await m.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.StatisticsDatasets)));
    }
}

public sealed class StatisticsPermissionSqliteTests(SqliteApp app) : StatisticsPermissionTests(app), IClassFixture<SqliteApp>;

public sealed class StatisticsPermissionPostgresTests(PostgresApp app) : StatisticsPermissionTests(app), IClassFixture<PostgresApp>;
