using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Services;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Services.Manage;

/// <summary>Signing in providers and reading a service back for the editing tests.</summary>
public static class ServiceEditTestSupport
{
    /// <summary>A client signed in as a new member of <paramref name="organisationId"/>.</summary>
    public static async Task<HttpClient> MemberClientAsync(this TestMunicipality m, int organisationId)
    {
        var user = await m.App.CreateUserAsync();
        await m.AddStakeholderMemberAsync(organisationId, user.Id);
        return await m.App.SignInAsync(user.Email!);
    }

    public static Task<HelpService> ServiceAsync(this TestMunicipality m, int id) =>
        m.WithDbAsync(db => db.HelpServices.AsNoTracking().Include(s => s.Languages).Include(s => s.Schedules).Include(s => s.Contacts)
            .Include(s => s.Locations).ThenInclude(a => a.Location).AsSplitQuery().FirstAsync(s => s.Id == id));

    public static Task<int> HistoryCountAsync(this TestMunicipality m, int id) =>
        m.WithDbAsync(db => db.ChangeRecords.CountAsync(r => r.EntityType == "Service" && r.EntityId == id));

    public static Task SetReviewedAsync(this TestMunicipality m, int organisationId, bool reviewed = true) =>
        m.WithDbAsync(async db =>
        {
            var organisation = await db.Stakeholders.FirstAsync(s => s.Id == organisationId);
            organisation.ServiceChangesReviewed = reviewed;
            return await db.SaveChangesAsync();
        });

    /// <summary>Adds weekly hours at the service's location (Monday 9–12) and returns the row's open-data id.</summary>
    public static Task<Guid> AddMondayHoursAsync(this TestMunicipality m, int serviceId, int locationId) =>
        m.WithDbAsync(async db =>
        {
            var row = new ServiceSchedule { ServiceId = serviceId, LocationId = locationId, Weekday = DayOfWeek.Monday, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(12, 0) };
            db.ServiceSchedules.Add(row);
            await db.SaveChangesAsync();
            return row.Uid;
        });
}
