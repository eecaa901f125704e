using System.Text.Json;
using System.Text.Json.Serialization;
using Approval.Workflows.Cases;

namespace Approval.Api.Persistence;

/// <summary>The JSON form of a case, as the Cases table keeps it.</summary>
internal static class CaseStateJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(CaseState state) => JsonSerializer.Serialize(state, Options);

    public static CaseState Deserialize(string json) =>
        JsonSerializer.Deserialize<CaseState>(json, Options) ?? throw new JsonException("The stored case is empty.");

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"The stored {typeof(T).Name} is empty.");
}
