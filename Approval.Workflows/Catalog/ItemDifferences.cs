using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Approval.Workflows.Catalog;

/// <summary>
/// One thing that differs between two versions of an item: the field (as the API's JSON names it, with the material's
/// code, the form field's name or the department's code after a dot for an entry of a list), and its value before and
/// after as short JSON (null where the entry did not exist).
/// </summary>
public sealed record ItemDifference(string Field, string? Before, string? After);

/// <summary>What an administrator compares before publishing or rolling back: the fields that differ between two versions.</summary>
public static class ItemDifferences
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Every field of <paramref name="after"/> that is not as in <paramref name="before"/>, in the order of the item's fields.</summary>
    public static IReadOnlyList<ItemDifference> Between(ApprovalItem before, ApprovalItem after)
    {
        var differences = new List<ItemDifference>();
        void Compare<T>(string field, T a, T b)
        {
            var (x, y) = (Text(a), Text(b));
            if (x != y)
                differences.Add(new ItemDifference(field, x, y));
        }
        Compare("name", before.Name, after.Name);
        Compare("kind", before.Kind, after.Kind);
        Compare("leadDepartmentCode", before.LeadDepartmentCode, after.LeadDepartmentCode);
        Entries(differences, "parallelReviews", before.ParallelReviews, after.ParallelReviews, r => r.DepartmentCode);
        Compare("legalBasis", before.LegalBasis, after.LegalBasis);
        Compare("statutoryLimitDays", before.StatutoryLimitDays, after.StatutoryLimitDays);
        Compare("promisedLimitDays", before.PromisedLimitDays, after.PromisedLimitDays);
        Compare("fee", before.Fee.ToString("0.00", CultureInfo.InvariantCulture), after.Fee.ToString("0.00", CultureInfo.InvariantCulture));
        Compare("feeBasis", before.FeeBasis, after.FeeBasis);
        Entries(differences, "materials", before.Materials, after.Materials, m => m.Code);
        Compare("acceptanceConditions", before.AcceptanceConditions, after.AcceptanceConditions);
        Entries(differences, "form", before.Form, after.Form, f => f.Name);
        Compare("processDefinitionId", before.ProcessDefinitionId, after.ProcessDefinitionId);
        Compare("result", before.Result, after.Result);
        Compare("warnings", before.Warnings, after.Warnings);
        Compare("commitment", before.Commitment, after.Commitment);
        return differences;
    }

    // A list compared entry by entry under its key: an entry added, removed or changed is one difference each.
    private static void Entries<T>(List<ItemDifference> differences, string field, IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> key)
    {
        var old = before.GroupBy(key).ToDictionary(g => g.Key, g => Text(g.First()));
        var now = after.GroupBy(key).ToDictionary(g => g.Key, g => Text(g.First()));
        foreach (var k in old.Keys.Concat(now.Keys.Where(k => !old.ContainsKey(k))))
        {
            var (x, y) = (old.GetValueOrDefault(k), now.GetValueOrDefault(k));
            if (x != y)
                differences.Add(new ItemDifference($"{field}.{k}", x, y));
        }
    }

    private static string? Text<T>(T value) => value switch
    {
        null => null,
        string s => s,
        _ => JsonSerializer.Serialize(value, Json),
    };
}
