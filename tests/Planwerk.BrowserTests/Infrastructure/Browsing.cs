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
        await page.ReachAsync(url => !url.Contains("/account/login?", StringComparison.Ordinal) && !url.EndsWith("/account/login", StringComparison.Ordinal));
    }

    /// <summary>Signs out with the button in the page header.</summary>
    public static async Task SignOutAsync(this IPage page)
    {
        await page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Abmelden", Exact = true }).ClickAsync();
        await page.ReachAsync(url => new Uri(url).AbsolutePath == "/");
    }

    /// <summary>Waits until the page's address matches <paramref name="url"/> and that document has loaded.
    /// The browser client's own WaitForURL and WaitForLoadState check the frame's load states and only then listen
    /// for the load event, without a lock against the thread that delivers the event: when the event arrives between
    /// the two, the wait misses it and hangs (seen in a full run: the wait logged network idle, never load). This
    /// polls the address the client tracks and then the document's own readyState inside the page instead.</summary>
    public static async Task ReachAsync(this IPage page, Func<string, bool> url)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!url(page.Url))
        {
            if (waited.Elapsed > Timeout)
                throw new TimeoutException($"The page stayed at {page.Url} for {Timeout.TotalSeconds:0} s.");
            await Task.Delay(25);
        }
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
    }

    /// <summary><see cref="ReachAsync(IPage, Func{string, bool})"/> for an address pattern: <c>**</c> stands for any
    /// characters, <c>*</c> for any characters but a slash, everything else for itself; a pattern that starts with a
    /// slash is a path on the app's address.</summary>
    public static Task ReachAsync(this IPage page, string glob)
    {
        var pattern = new System.Text.StringBuilder(glob.StartsWith('/') ? "^https?://[^/]+" : "^");
        for (var i = 0; i < glob.Length; i++)
        {
            if (glob[i] == '*' && i + 1 < glob.Length && glob[i + 1] == '*') { pattern.Append(".*"); i++; }
            else if (glob[i] == '*') pattern.Append("[^/]*");
            else pattern.Append(System.Text.RegularExpressions.Regex.Escape(glob[i].ToString()));
        }
        var regex = new System.Text.RegularExpressions.Regex(pattern.Append('$').ToString());
        return page.ReachAsync(regex.IsMatch);
    }

    /// <summary>Runs <paramref name="action"/> (a click or key press that sends a form or follows a link) and waits
    /// until the document it leads to has loaded: the current document gets a mark, and the wait ends when the page's
    /// document no longer has it and is complete — so it neither returns early on the old page nor depends on the
    /// load event reaching the client (see <see cref="ReachAsync(IPage, Func{string, bool})"/>).</summary>
    public static async Task LoadsNextAsync(this IPage page, Func<Task> action)
    {
        await page.EvaluateAsync("() => { window.planwerkLeft = false; }");
        await action();
        await page.WaitForFunctionAsync("() => window.planwerkLeft === undefined && document.readyState === 'complete'");
    }

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>After a click that leads to another page: polls the address until its path is <paramref name="path"/>
    /// and waits until the page's heading is <paramref name="heading"/>: it waits only for what the test goes on with,
    /// never for the client's load event (see <see cref="ReachAsync(IPage, Func{string, bool})"/>).</summary>
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
