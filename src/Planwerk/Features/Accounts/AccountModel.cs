using Microsoft.EntityFrameworkCore;

namespace Planwerk.Features.Accounts;

/// <summary>The database shape of accounts: people and their memberships (roles per municipality).</summary>
internal static class AccountModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<PlanwerkUser>().Property(u => u.DisplayName).HasMaxLength(200);
        UserSession.Configure(builder);

        builder.Entity<MunicipalityMembership>(e =>
        {
            e.HasIndex(m => new { m.MunicipalityId, m.UserId, m.Role }).IsUnique();
            e.Property(m => m.Role).HasConversion<string>().HasMaxLength(40);
            e.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
