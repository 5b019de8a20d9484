using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Planwerk.BrowserTests.Infrastructure;

public static class Accessibility
{
    /// <summary>Runs axe-core (WCAG 2.0/2.1 A and AA rules and best practices) on the page and fails on any
    /// finding, whatever its impact: a minor finding is still a barrier for someone.</summary>
    public static async Task AssertNoAccessibilityViolationsAsync(this IPage page)
    {
        var options = new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        };
        var result = await page.RunAxe(options);
        var violations = result.Violations;
        Assert.True(violations.Length == 0, $"axe-core on {page.Url}:\n" + string.Join("\n", violations.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
        Assert.True(result.Passes.Length > 0, "axe-core ran no checks");
    }
}
