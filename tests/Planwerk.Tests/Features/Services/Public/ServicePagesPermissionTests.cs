using System.Net;
using Planwerk.Features.Services;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Services.PublicPages;

/// <summary>Who may read the public directory pages: every visitor, signed in or not, in any role of this or another
/// municipality; a service that is not listed is not found for anyone, the plan team included.</summary>
public abstract class ServicePagesPermissionTests(PlanwerkApp app)
{
    public static TheoryData<Visitor> Visitors() => PermissionMatrix.Visitors();

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Every_visitor_may_read_the_directory_pages(Visitor visitor)
    {
        var m = await app.CreateMunicipalityAsync();
        var organisation = await m.AddStakeholderAsync("Beratungsstelle");
        var (service, _) = await m.AddServiceAsync(organisation, "Asylverfahrensberatung");
        var (defunct, _) = await m.AddServiceAsync(organisation, "Altes Angebot", status: ServiceStatus.Defunct);
        var client = await PermissionMatrix.ClientAsync(app, m, visitor, stakeholderId: organisation);

        await PermissionMatrix.AssertAsync(client, visitor,
        [
            PermissionCheck.Get($"/{m.Slug}/services", Access.Everyone),
            PermissionCheck.Get($"/{m.Slug}/services?q=Beratung&lang=ar&free=true", Access.Everyone),
            PermissionCheck.Get($"/{m.Slug}/services/{service}", Access.Everyone),
            PermissionCheck.Get($"/{m.Slug}/services/{service}?lang=fa", Access.Everyone),
            PermissionCheck.Get($"/{m.Slug}/organisations/{organisation}/services", Access.Everyone),
            PermissionCheck.Get($"/{m.Slug}/services/{defunct}", Access.Nobody, refusal: HttpStatusCode.NotFound),
        ]);
    }
}

public sealed class ServicePagesPermissionSqliteTests(SqliteApp app) : ServicePagesPermissionTests(app), IClassFixture<SqliteApp>;

public sealed class ServicePagesPermissionPostgresTests(PostgresApp app) : ServicePagesPermissionTests(app), IClassFixture<PostgresApp>;
