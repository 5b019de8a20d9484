using Planwerk.Data;
using Microsoft.EntityFrameworkCore;

namespace Planwerk.Features.Municipalities;

/// <summary>The database shape of the tenant: a municipality is found by its slug.</summary>
internal static class MunicipalityModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Municipality>(e =>
        {
            e.HasIndex(m => m.Slug).IsUnique();
            e.Property(m => m.Slug).HasMaxLength(40);
            e.Property(m => m.Name).HasMaxLength(200);
            // In UTC, so that SQLite can filter by it (OParl's created_since and modified_since on bodies).
            e.Property(m => m.CreatedAt).AsUtc();
        });
    }
}
