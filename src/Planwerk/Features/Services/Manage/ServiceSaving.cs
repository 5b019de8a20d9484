using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Plans.History;

namespace Planwerk.Features.Services.Manage;

/// <summary>What the edit page and the review queue share: who may choose which organisation, blank form rows left out,
/// and a checked entry applied to the service with its history record and "last checked" today, in one transaction.</summary>
public static class ServiceSaving
{
    /// <summary>The organisations an editor may give a service to: the plan team every organisation of the municipality,
    /// a member their own.</summary>
    public static async Task<IReadOnlyDictionary<int, string>> OrganisationsAsync(PlanwerkDbContext db, ClaimsPrincipal user, bool planTeam, CancellationToken ct)
    {
        if (planTeam) return await db.Stakeholders.AsNoTracking().OrderBy(s => s.Name).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        return await db.StakeholderMembers.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => new { m.StakeholderId, m.Stakeholder!.Name }).Distinct().ToDictionaryAsync(s => s.StakeholderId, s => s.Name, ct);
    }

    /// <summary>Whether a change of a service of <paramref name="organisationIds"/> by someone outside the plan team
    /// waits for review.</summary>
    public static Task<bool> IsReviewedAsync(PlanwerkDbContext db, IEnumerable<int> organisationIds, CancellationToken ct)
    {
        var ids = organisationIds.Distinct().ToList();
        return db.Stakeholders.AsNoTracking().AnyAsync(s => ids.Contains(s.Id) && s.ServiceChangesReviewed, ct);
    }

    /// <summary>Rows the person left empty (the form offers a few spare ones) are no rows.</summary>
    public static void DropBlankRows(ServiceInput input)
    {
        input.Locations.RemoveAll(l => l.Id is null && Blank(l.Name, l.Street, l.PostalCode, l.City, l.Latitude, l.Longitude, l.TransportNotes, l.Accessibility)
            && l.DistrictId is null && !l.IsWheelchairAccessible && IsBlank(Trim(l.Hours)));
        foreach (var location in input.Locations) Trim(location.Hours);
        Trim(input.ServiceHours);
        input.Contacts.RemoveAll(c => Blank(c.Name, c.Title, c.Email, c.Phone, c.PhoneLanguages));
        input.TopicIds = input.TopicIds.Distinct().ToList();
        input.Audience = input.Audience.Distinct().ToList();
    }

    private static ServiceInput.HoursBlock Trim(ServiceInput.HoursBlock hours)
    {
        hours.Weekly.RemoveAll(w => w.Opens is null && w.Closes is null && w.ValidFrom is null && w.ValidTo is null && Blank(w.Note));
        hours.Special.RemoveAll(s => s.From is null && s.To is null && s.Opens is null && s.Closes is null && Blank(s.Note));
        return hours;
    }

    private static bool IsBlank(ServiceInput.HoursBlock hours) => hours.Weekly.Count == 0 && hours.Special.Count == 0;

    private static bool Blank(params string?[] texts) => texts.All(string.IsNullOrWhiteSpace);

    /// <summary>Adds spare empty rows for new places, hours and contacts (the form needs no script to add rows).</summary>
    public static void AddSpareRows(ServiceInput input)
    {
        input.Locations.Add(new ServiceInput.LocationRow());
        foreach (var location in input.Locations) Spare(location.Hours);
        Spare(input.ServiceHours);
        input.Contacts.AddRange([new(), new()]);
    }

    private static void Spare(ServiceInput.HoursBlock hours)
    {
        hours.Weekly.AddRange(Enumerable.Range(0, 3).Select(_ => new ServiceInput.WeeklyRow()));
        hours.Special.AddRange(Enumerable.Range(0, 2).Select(_ => new ServiceInput.SpecialRow()));
    }

    public static string Serialize(ServiceInput input) => JsonSerializer.Serialize(input);

    public static ServiceInput Deserialize(string json) => JsonSerializer.Deserialize<ServiceInput>(json) ?? new ServiceInput();

    /// <summary>Applies the checked <paramref name="input"/> to <paramref name="service"/> (tracked, loaded with
    /// <see cref="ServiceEntry.WithParts"/>; null for a new service), marks it checked <paramref name="today"/>, and saves it
    /// with its history record in one transaction. <paramref name="version"/> is the version the change was made on: a
    /// service saved by someone else meanwhile fails with <see cref="DbUpdateConcurrencyException"/>, nothing saved.</summary>
    public static async Task<HelpService> SaveAsync(PlanwerkDbContext db, HelpService? service, int? version, ServiceInput input, ServiceChoices choices,
        DateOnly today, DateTimeOffset now, CancellationToken ct, params (string Field, string? Old, string? New)[] extra)
    {
        var isNew = service is null;
        var before = isNew ? null : ServiceEntry.Describe(ServiceEntry.ToInput(service!), choices);
        var checkedBefore = service?.LastCheckedOn;
        if (service is null)
        {
            service = new HelpService { Name = "", CreatedAt = now };
            db.HelpServices.Add(service);
        }
        else if (version is int v)
        {
            db.Entry(service).Property(nameof(HelpService.Version)).OriginalValue = v;
        }
        await ServiceEntry.ApplyAsync(db, service, input, now, ct);
        service.LastCheckedOn = today;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        var after = ServiceEntry.Describe(input, choices);
        var checkedField = checkedBefore == today ? [] : new[] { (ServiceHistory.CheckedField, checkedBefore?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (string?)today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) };
        await ServiceHistory.AddAsync(db, service.Id, service.Name, isNew ? ChangeAction.Created : ChangeAction.Updated, before, after, now, ct, [.. extra, .. checkedField]);
        await db.SaveChangesAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return service;
    }
}
