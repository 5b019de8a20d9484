using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Services.PublicPages;

/// <summary>Reads the public service pages share.</summary>
public static class PublicServiceReads
{
    /// <summary>The municipality's check interval in months: an entry not checked for longer is flagged.</summary>
    public static Task<int> CheckMonthsAsync(PlanwerkDbContext db, HttpContext http, CancellationToken ct)
    {
        var id = http.RequiredMunicipality().Id;
        return db.Municipalities.AsNoTracking().Where(m => m.Id == id).Select(m => m.ServiceCheckMonths).FirstAsync(ct);
    }
}
