using System.Net;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Statistics;

/// <summary>Who may read the statistics pages and open data: every visitor, signed in or not, in any role of this or
/// another municipality; a draft dataset is not found for anyone on the public side, the plan team included.</summary>
public abstract class StatisticsPermissionTests(PlanwerkApp app)
{
    public static TheoryData<Visitor> Visitors() => PermissionMatrix.Visitors();

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Every_visitor_may_read_the_public_statistics(Visitor visitor)
    {
        var m = await app.CreateMunicipalityAsync();
        var d = await StatisticsSeed.AllocationsAsync(m);
        await StatisticsSeed.AllocationsAsync(m, "entwurf", isPublic: false);
        var client = await PermissionMatrix.ClientAsync(app, m, visitor);

        await PermissionMatrix.AssertAsync(client, visitor,
        [
            PermissionCheck.Get($"/{m.Slug}/statistics", Access.Everyone),
            PermissionCheck.Get($"/{m.Slug}/statistics/{d.Code}", Access.Everyone),
            PermissionCheck.Get($"/{m.Slug}/statistics/{d.Code}/data.csv", Access.Everyone),
            PermissionCheck.Get($"/{m.Slug}/statistics/{d.Code}/data.json", Access.Everyone),
            PermissionCheck.Get($"/{m.Slug}/statistics/catalog.rdf", Access.Everyone),
            PermissionCheck.Get($"/api/v1/municipalities/{m.Slug}/datasets", Access.Everyone),
            PermissionCheck.Get($"/api/v1/municipalities/{m.Slug}/datasets/{d.Code}", Access.Everyone),
            PermissionCheck.Get($"/{m.Slug}/statistics/entwurf", Access.Nobody, refusal: HttpStatusCode.NotFound),
            PermissionCheck.Get($"/api/v1/municipalities/{m.Slug}/datasets/entwurf", Access.Nobody, refusal: HttpStatusCode.NotFound),
        ]);
    }
}

public sealed class StatisticsPermissionSqliteTests(SqliteApp app) : StatisticsPermissionTests(app), IClassFixture<SqliteApp>;

public sealed class StatisticsPermissionPostgresTests(PostgresApp app) : StatisticsPermissionTests(app), IClassFixture<PostgresApp>;
