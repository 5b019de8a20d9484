using Microsoft.Playwright;
using Planwerk.BrowserTests.Infrastructure;
using Planwerk.Features.Plans;
using Planwerk.Features.Services;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.BrowserTests;

/// <summary>The public help-service directory in a real browser: a person filters by district and language and opens a
/// service with the keyboard only, in German and in Arabic (then the page is laid out right to left), and neither the
/// directory nor the service page has an axe-core finding of any impact.</summary>
public sealed class ServiceDirectoryTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string ArabicName = "استشارة للعائلات";

    private async Task<(TestMunicipality M, int Family)> SeedAsync()
    {
        var m = await app.CreateMunicipalityAsync();
        var organisation = await m.AddStakeholderAsync("Familienzentrum " + HostileText.Script);
        var family = await m.WithDbAsync(async db =>
        {
            await ContentLanguages.EnsureDefaultsAsync(db);
            var prohlis = new District { Name = "Prohlis" };
            var gorbitz = new District { Name = "Gorbitz" };
            var park = new ServiceLocation { OrganisationId = organisation, Name = "Haus am Park", Street = "Parkweg 1", PostalCode = "01239", City = "Dresden", District = prohlis,
                TransportNotes = "Bus 88", IsWheelchairAccessible = true };
            var school = new ServiceLocation { OrganisationId = organisation, Name = "Schulhaus", District = gorbitz };
            var topic = new ServiceTopic { Code = "family", Name = "Familie" };
            db.AddRange(prohlis, gorbitz, park, school, topic);
            HelpService Service(string name, ServiceLocation at, params string[] languages)
            {
                var s = new HelpService { OrganisationId = organisation, Name = name, Description = "Wir beraten.\n\n" + HostileText.Markup, LastCheckedOn = DateOnly.FromDateTime(DateTime.UtcNow) };
                s.Locations.Add(new ServiceAtLocation { Location = at });
                s.Languages.AddRange(languages.Select(c => new ServiceLanguage { Code = c }));
                s.Topics.Add(topic);
                return s;
            }
            var family = Service("Beratung für Familien", park, "ar", "de");
            family.Schedules.Add(new ServiceSchedule { Weekday = DayOfWeek.Monday, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(12, 0), Location = park });
            family.Contacts.Add(new ServiceContact { Name = "Frau Beispiel", Phone = "0351 123456", PhoneLanguages = "ar" });
            db.HelpServices.AddRange(family, Service("Deutschkurs " + HostileText.Script, park, "de"), Service("Sprachcafé", school, "ar", "fa"));
            await db.SaveChangesAsync();
            db.ContentTranslations.Add(new ContentTranslation { Kind = ContentKinds.Service, EntityId = family.Id, Language = "ar", Field = nameof(HelpService.Name),
                Text = ArabicName, SourceFingerprint = ServiceTexts.Fingerprint(family.Name) });
            await db.SaveChangesAsync();
            return family.Id;
        });
        return (m, family);
    }

    /// <summary>Chooses an option of a select by typing its first letters, as a keyboard user does.</summary>
    private static async Task ChooseAsync(IPage page, ILocator select, string text, string expectedValue)
    {
        await page.TabToAndPressAsync(select, key: text[..1], navigates: false);
        await page.Keyboard.TypeAsync(text[1..]);
        Assert.Equal(expectedValue, await select.InputValueAsync());
    }

    [Theory]
    [InlineData("de")]
    [InlineData("ar")]
    public async Task A_person_filters_by_district_and_language_and_opens_a_service_by_keyboard(string language)
    {
        var (m, family) = await SeedAsync();
        var page = await app.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await page.GotoAsync($"/{m.Slug}/services");
        if (language == "ar")
        {
            await page.TabToAndPressAsync(page.Locator("nav.content-languages a[hreflang=ar]"));
            Assert.EndsWith("?lang=ar", page.Url, StringComparison.Ordinal);
            Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        }
        else
        {
            Assert.Equal("ltr", await page.Locator("html").GetAttributeAsync("dir"));
        }
        Assert.Equal("3 Angebote", (await page.Locator("#result-count").InnerTextAsync()).Trim());
        await page.AssertNoAccessibilityViolationsAsync();

        var districts = await page.Locator("#district option").AllInnerTextsAsync();
        var prohlis = await page.Locator("#district option", new() { HasText = "Prohlis" }).GetAttributeAsync("value");
        await ChooseAsync(page, page.Locator("#district"), "Prohlis", prohlis!);
        await ChooseAsync(page, page.Locator("#language"), "Arabisch", "ar");
        await page.TabToAndPressAsync(page.GetByRole(AriaRole.Button, new() { Name = "Angebote suchen" }));

        Assert.Contains($"district={prohlis}", page.Url, StringComparison.Ordinal);
        Assert.Contains("language=ar", page.Url, StringComparison.Ordinal);
        Assert.Equal("1 Angebot", (await page.Locator("#result-count").InnerTextAsync()).Trim());
        var name = language == "ar" ? ArabicName : "Beratung für Familien";
        var link = page.Locator($"li[data-service='{family}'] h3 a");
        Assert.Equal(name, (await link.InnerTextAsync()).Trim());
        if (language == "ar")
        {
            Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
            Assert.Equal("ar", await link.Locator("span").GetAttributeAsync("lang"));
        }
        await page.AssertNoAccessibilityViolationsAsync();

        await page.TabToAndPressAsync(link);
        Assert.Contains($"/services/{family}", page.Url, StringComparison.Ordinal);
        Assert.Equal(name, (await page.Locator("h1 span").First.InnerTextAsync()).Trim());
        Assert.Contains("09:00–12:00", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        if (language == "ar")
        {
            Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
            Assert.Equal("ar", await page.Locator("h1 span").First.GetAttributeAsync("lang"));
            // The description is German until translated, and says so.
            Assert.Equal(1, await page.Locator("#fallback-notice").CountAsync());
        }
        await page.AssertNoAccessibilityViolationsAsync();
        Assert.Equal(0, dialogs);
        Assert.Contains("Gorbitz", districts);
    }
}
