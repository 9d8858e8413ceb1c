using System.Text.Json;
using Microsoft.Playwright;
using Sightline.Tests.Support;

namespace Sightline.Tests.Portal;

/// <summary>Reading the portal's tables and the API's answers the tests compare them with.</summary>
internal static class PortalPage
{
    /// <summary>
    /// Waits until the page's address satisfies <paramref name="matches"/>, by polling it: the portal's routes are
    /// hash changes (same-document navigations), which can land before a navigation waiter is even set up.
    /// </summary>
    public static async Task UntilUrlAsync(this IPage page, Func<string, bool> matches)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!matches(page.Url))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"the address stayed {page.Url}");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>The texts of one column of a table, found by its header.</summary>
    public static Task<string[]> ColumnAsync(this ILocator table, string header) =>
        table.EvaluateAsync<string[]>(
            """
            (t, header) => {
              const index = [...t.querySelectorAll('thead th')].findIndex(th => th.textContent.trim() === header);
              if (index < 0) throw new Error('no column ' + header);
              return [...t.querySelectorAll('tbody tr')].map(tr => tr.children[index].textContent.trim());
            }
            """, header);

    /// <summary>The data table inside a container, once it has at least one row.</summary>
    public static async Task<ILocator> TableAsync(this ILocator container)
    {
        var table = container.Locator("table.data").First;
        await table.Locator("tbody tr").First.WaitForAsync();
        return table;
    }

    public static async Task<JsonElement> ApiAsync(this PortalFixture portal, string relative) =>
        await portal.Client.GetJsonAsync(Graph.Root + "/" + relative);

    public static async Task<List<JsonElement>> ApiValuesAsync(this PortalFixture portal, string relative) =>
        [.. (await portal.ApiAsync(relative)).Values()];

    public static async Task<IPage> OpenAsync(this PortalFixture portal, string hash)
    {
        var page = await portal.TokenPageAsync();
        await page.GotoAsync(portal.BaseUrl + "/" + hash);
        await page.Locator("main h1").First.WaitForAsync();
        return page;
    }
}
