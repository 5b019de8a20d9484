using Microsoft.Playwright;
using MimeKit;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.BrowserTests.Infrastructure;

/// <summary>Steps that many browser flows share: signing in and out through the real pages, and
/// reading the mail the application wrote to its pickup folder.</summary>
public static class Browsing
{
    /// <summary>Fills and sends the sign-in form (does not wait for where it leads).</summary>
    public static async Task SubmitLoginAsync(this IPage page, string email, string password = PlanwerkApp.Password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await page.GetByLabel("Passwort", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();
    }

    /// <summary>Signs in and waits until the page has left the sign-in form.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password = PlanwerkApp.Password)
    {
        await page.SubmitLoginAsync(email, password);
        await page.WaitForURLAsync(url => !url.Contains("/account/login?", StringComparison.Ordinal) && !url.EndsWith("/account/login", StringComparison.Ordinal));
    }

    /// <summary>Signs out with the button in the page header.</summary>
    public static async Task SignOutAsync(this IPage page)
    {
        await page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Abmelden", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
    }

    /// <summary>After a click that leads to another page: polls the address until its path is <paramref name="path"/>
    /// and waits until the page's heading is <paramref name="heading"/>. Unlike waiting for a navigation's load event,
    /// which also waits for every style sheet and hung now and then on a busy machine although the page had arrived,
    /// this waits only for what the test goes on with.</summary>
    public static async Task ArriveAtAsync(this IPage page, string path, string heading)
    {
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(
            "^https?://[^/]+" + System.Text.RegularExpressions.Regex.Escape(path) + "([?#].*)?$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
    }

    /// <summary>The text of the page's main region.</summary>
    public static Task<string> MainTextAsync(this IPage page) => page.Locator("main").InnerTextAsync();

    /// <summary>The newest mail to <paramref name="email"/> in the app's pickup folder, waiting briefly for it.</summary>
    public static async Task<MimeMessage> MailToAsync(this PlanwerkApp app, string email)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (Directory.Exists(app.MailPickupFolder))
            {
                foreach (var file in Directory.GetFiles(app.MailPickupFolder, "*.eml").OrderDescending(StringComparer.Ordinal))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(b => string.Equals(b.Address, email, StringComparison.OrdinalIgnoreCase))) return message;
                }
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"No mail to {email} in {app.MailPickupFolder}");
    }
}
