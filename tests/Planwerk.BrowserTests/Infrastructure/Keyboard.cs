using Microsoft.Playwright;

namespace Planwerk.BrowserTests.Infrastructure;

/// <summary>Reaching controls the way a keyboard user does: with the Tab key only.</summary>
public static class Keyboard
{
    /// <summary>Presses Tab until <paramref name="target"/> has the focus (failing if it never gets it), then
    /// presses <paramref name="key"/> on it and, when <paramref name="navigates"/>, waits for the page it leads to.</summary>
    public static async Task TabToAndPressAsync(this IPage page, ILocator target, string key = "Enter", bool navigates = true, int maxPresses = 200)
    {
        for (var presses = 0; presses < maxPresses; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                if (!navigates)
                {
                    await page.Keyboard.PressAsync(key);
                    return;
                }
                var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                void OnLoad(object? sender, IPage p) => loaded.TrySetResult();
                page.Load += OnLoad;
                try
                {
                    await page.Keyboard.PressAsync(key);
                    await loaded.Task.WaitAsync(TimeSpan.FromSeconds(15));
                }
                finally
                {
                    page.Load -= OnLoad;
                }
                return;
            }
        }
        Assert.Fail($"{target} on {page.Url} is not reached with the Tab key");
    }
}
