using Microsoft.EntityFrameworkCore;
using MimeKit;
using Planwerk.Features.Participation.Workshops;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Participation;

public static class WorkshopTestSupport
{
    /// <summary>A workshop starting <paramref name="startsIn"/> from <paramref name="now"/>, three hours long.</summary>
    public static Task<int> AddWorkshopAsync(this TestMunicipality m, DateTimeOffset now, int capacity = 10, TimeSpan? startsIn = null,
        string? title = null, string place = "Rathaus, Raum 1", string online = "", int groups = 0) =>
        m.WithDbAsync(async db =>
        {
            // Whole minutes, as the form enters them.
            var exact = now + (startsIn ?? TimeSpan.FromDays(2));
            var startsAt = exact.AddTicks(-(exact.Ticks % TimeSpan.TicksPerMinute)).AddMinutes(1);
            var workshop = new Workshop
            {
                Title = title ?? "Werkstatt " + Guid.NewGuid().ToString("N")[..6],
                StartsAt = startsAt,
                EndsAt = startsAt.AddHours(3),
                Place = place,
                OnlineUrl = online,
                Capacity = capacity,
            };
            for (var i = 1; i <= groups; i++) workshop.WorkingGroups.Add(new WorkingGroup { Title = "Arbeitsgruppe " + i, Position = i });
            db.Workshops.Add(workshop);
            await db.SaveChangesAsync();
            return workshop.Id;
        });

    public static Task<List<WorkshopRegistration>> RegistrationsAsync(this TestMunicipality m, int workshopId) =>
        m.WithDbAsync(db => db.WorkshopRegistrations.AsNoTracking().Where(r => r.WorkshopId == workshopId).OrderBy(r => r.Id).ToListAsync());

    public static Task<Workshop> WorkshopAsync(this TestMunicipality m, int workshopId) =>
        m.WithDbAsync(db => db.Workshops.AsNoTracking().Include(w => w.WorkingGroups).SingleAsync(w => w.Id == workshopId));

    public static string Url(this TestMunicipality m, int workshopId, string rest = "") =>
        FormattableString.Invariant($"/{m.Slug}/workshops/{workshopId}{rest}");

    public static string ManageUrl(this TestMunicipality m, int workshopId, string rest = "") =>
        FormattableString.Invariant($"/{m.Slug}/manage/workshops/{workshopId}{rest}");

    /// <summary>The mails written to the pickup folder for <paramref name="address"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> PickedUpMailsToAsync(this PlanwerkApp app, string address)
    {
        if (!Directory.Exists(app.MailPickupFolder)) return [];
        var found = new List<MimeMessage>();
        foreach (var file in Directory.GetFiles(app.MailPickupFolder, "*.eml").Order(StringComparer.Ordinal))
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))) found.Add(message);
        }
        return found;
    }

    /// <summary>The text of the .ics attachment of a mail.</summary>
    public static string CalendarAttachment(MimeMessage message)
    {
        var part = message.Attachments.OfType<MimePart>().SingleOrDefault(a => a.ContentType.MimeType == "text/calendar")
            ?? throw new InvalidOperationException("No text/calendar attachment in: " + message.Subject);
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
