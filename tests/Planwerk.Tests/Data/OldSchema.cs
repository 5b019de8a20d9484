using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Municipalities;
using Planwerk.Features.Participation.Stakeholders;

namespace Planwerk.Tests.Data;

/// <summary>Rows written in SQL for migration tests that stop at an earlier migration: the model has columns the
/// old schema did not have yet, so the context cannot insert them.</summary>
public static class OldSchema
{
    public static async Task<Municipality> AddMunicipalityAsync(PlanwerkDbContext db, string slug, string name)
    {
        var created = DateTimeOffset.UtcNow;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Municipalities" ("Slug", "Name", "IsDemo", "CreatedAt") VALUES ({slug}, {name}, {false}, {created})
            """);
        var id = await db.Database.SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "Municipalities" WHERE "Slug" = {slug}""").SingleAsync();
        return new Municipality { Id = id, Slug = slug, Name = name, CreatedAt = created };
    }

    public static async Task<int> AddStakeholderAsync(PlanwerkDbContext db, int municipalityId, string name, StakeholderKind kind)
    {
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Stakeholders" ("MunicipalityId", "Name", "Kind", "Description", "Address", "Website", "Email", "Phone", "ContactPerson", "IsListed", "Version")
            VALUES ({municipalityId}, {name}, {kind.ToString()}, '', '', '', '', '', '', {true}, 0)
            """);
        return await db.Database.SqlQuery<int>($"""SELECT MAX("Id") AS "Value" FROM "Stakeholders" """).SingleAsync();
    }
}
