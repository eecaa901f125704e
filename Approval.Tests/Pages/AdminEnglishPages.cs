using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Approval.Tests.Pages;

/// <summary>
/// What of an administration page in English is still Chinese: runs of Chinese characters in its text that are not data
/// (an item's, a department's, a person's, a window's, a definition's or a holiday's name, an item version's note, as the
/// API gives them).
/// </summary>
internal static partial class AdminEnglishPages
{
    /// <summary>Every string value the administration pages show from the data, read through the administrator's API.</summary>
    public static async Task<string> DataAsync(HttpClient admin)
    {
        var values = new List<string>();
        async Task Read(string path)
        {
            using var response = await admin.GetAsync(new Uri(path, UriKind.Relative));
            if (response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true)
                Collect(JsonNode.Parse(await response.Content.ReadAsStringAsync()), values);
        }
        foreach (var path in new[] { "/api/catalog/items", "/api/catalog/departments", "/api/admin/users", "/api/calendar/years", "/api/admin/windows" })
            await Read(path);
        // An item's versions carry their publication notes (the demo catalog's "示范目录 (demo catalog)").
        var items = JsonNode.Parse(await admin.GetStringAsync(new Uri("/api/catalog/items", UriKind.Relative)))!.AsArray();
        foreach (var item in items)
            await Read($"/api/catalog/items/{Uri.EscapeDataString(item!["code"]!.GetValue<string>())}/versions");
        var definitions = JsonNode.Parse(await admin.GetStringAsync(new Uri("/api/workflow-definitions", UriKind.Relative)))!.AsArray();
        foreach (var d in definitions)
            await Read($"/api/workflow-definitions/{Uri.EscapeDataString(d!["definitionId"]!.GetValue<string>())}/versions/{d["version"]!.GetValue<int>()}");
        var years = JsonNode.Parse(await admin.GetStringAsync(new Uri("/api/calendar/years", UriKind.Relative)))!.AsArray();
        foreach (var y in years)
            await Read($"/api/calendar/years/{y!["year"]!.GetValue<int>()}");
        return string.Join("\n", values);
    }

    /// <summary>The page's runs of Chinese text (in text nodes, outside the JSON a definition is pasted in) that no data holds.</summary>
    public static async Task<IReadOnlyList<string>> ChineseLeftAsync(IPage page, string data)
    {
        var texts = await page.EvaluateAsync<string[]>("""
            () => {
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                const found = [];
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    // The JSON a definition is pasted in, and text marked as Chinese (the language link says 中文 in Chinese).
                    if (node.parentElement.closest("textarea, pre, script, style, template, [lang^=zh]"))
                        continue;
                    if (/[\u4E00-\u9FFF]/.test(node.textContent))
                        found.push(node.textContent.trim());
                }
                return found;
            }
            """);
        return [.. texts.SelectMany(t => Han().Matches(t).Select(m => m.Value)).Where(run => !data.Contains(run, StringComparison.Ordinal)).Distinct()];
    }

    private static void Collect(JsonNode? node, List<string> into)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, value) in o)
                    Collect(value, into);
                break;
            case JsonArray a:
                foreach (var value in a)
                    Collect(value, into);
                break;
            case JsonValue v when v.TryGetValue<string>(out var text):
                into.Add(text);
                break;
        }
    }

    // A run of Han characters, with the Chinese punctuation inside it.
    [GeneratedRegex(@"[\u4E00-\u9FFF][\u4E00-\u9FFF\u3000-\u303F\uFF01-\uFF5E]*")]
    private static partial Regex Han();
}
