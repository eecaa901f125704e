using System.Text.RegularExpressions;

namespace Approval.Engine.Definitions;

/// <summary>
/// Every reason a definition can be refused, by a name that stays when its wording changes. The engine says each in
/// English (<see cref="DefinitionErrorTexts"/>); a host that speaks other languages keys its texts by these names, with
/// the same <c>{placeholders}</c>.
/// </summary>
public enum DefinitionErrorCode
{
    /// <summary>cannot read the file: {detail}</summary>
    FileUnreadable,
    /// <summary>not valid JSON: {detail}</summary>
    NotJson,
    /// <summary>the document is not a JSON object</summary>
    NotAnObject,
    /// <summary>the definition has no 'root' activity</summary>
    NoRoot,
    /// <summary>the root activity must be an Elsa.Flowchart or an Elsa.Sequence, not '{type}'</summary>
    RootNotFlowchart,
    /// <summary>an activity of type '{type}' has no id</summary>
    ActivityWithoutId,
    /// <summary>the activity has no type</summary>
    ActivityWithoutType,
    /// <summary>activity type '{type}' is not supported (unknown type)</summary>
    ActivityTypeUnknown,
    /// <summary>activity type '{type}' is not supported: HTTP activities are not supported (the approval API receives and answers requests)</summary>
    HttpActivityUnsupported,
    /// <summary>activity type '{type}' is not supported: C# scripts are not supported (use JavaScript)</summary>
    CSharpUnsupported,
    /// <summary>activity type '{type}' is not supported: sub-workflows are not supported (nest an Elsa.Flowchart instead)</summary>
    SubWorkflowUnsupported,
    /// <summary>input '{input}' uses a {kind} expression, which is not supported (supported: Literal, Object, Variable, JavaScript)</summary>
    ExpressionKindUnsupported,
    /// <summary>a connection has no source or no target activity</summary>
    ConnectionWithoutEnds,
    /// <summary>unknown mergeMode '{mode}' (expected None, Stream, Merge, Converge, Cascade or Race)</summary>
    MergeModeUnknown,
    /// <summary>a variable has no name</summary>
    VariableWithoutName,
    /// <summary>variable '{variable}' is declared twice</summary>
    VariableDeclaredTwice,
    /// <summary>the activity id is used more than once</summary>
    ActivityIdRepeated,
    /// <summary>input '{input}': the JavaScript does not parse: {detail}</summary>
    ScriptDoesNotParse,
    /// <summary>input '{input}' reads variable '{variable}', which the definition does not declare</summary>
    VariableUndeclared,
    /// <summary>a connection starts at activity '{activity}', which is not in this flowchart</summary>
    ConnectionSourceMissing,
    /// <summary>a connection ends at activity '{activity}', which is not in this flowchart</summary>
    ConnectionTargetMissing,
    /// <summary>the start activity '{activity}' is not in this flowchart</summary>
    StartActivityMissing,
    /// <summary>the input '{input}' is missing</summary>
    InputMissing,
    /// <summary>input '{input}': {detail}</summary>
    InputUnreadable,
    /// <summary>unknown join mode '{mode}' (expected WaitAll, WaitAllActive, WaitAllInbound or WaitAny)</summary>
    JoinModeUnknown,
    /// <summary>case '{case}': the JavaScript does not parse: {detail}</summary>
    CaseScriptDoesNotParse,
    /// <summary>SetVariable names no variable</summary>
    SetVariableWithoutVariable,
    /// <summary>SetVariable sets variable '{variable}', which the definition does not declare</summary>
    SetVariableUndeclared,
    /// <summary>input '{input}' uses a Liquid expression, which is not supported (write it as a JavaScript expression)</summary>
    LiquidUnsupported,
    /// <summary>input '{input}': Error when parsing cron expression: {detail}</summary>
    CronExpressionUnreadable,
    /// <summary>it runs workflow definition '{definition}', which has no published version here</summary>
    SubWorkflowDefinitionMissing,
    /// <summary>input '{input}': host '{host}' is not on the allow-list</summary>
    HostNotAllowed,
    /// <summary>input '{input}': no secret named '{secret}' is configured</summary>
    SecretUnknown,
    /// <summary>input '{input}': a credential is not written in a definition; name a configured secret instead (secret:NAME)</summary>
    CredentialInDefinition,
    /// <summary>input '{input}': no callback is configured for path '{path}'</summary>
    CallbackPathUnknown,
    /// <summary>activity type '{type}' is not supported: e-mail is sent by a host's outbox, and this one has none</summary>
    EmailActivityUnsupported,
    /// <summary>input '{input}': attachments are not sent by a process's e-mail (the outbox keeps each message as text; link to the documents instead)</summary>
    EmailAttachmentsUnsupported,
    /// <summary>input '{input}': '{address}' is not an e-mail address</summary>
    EmailAddressInvalid,
}

/// <summary>The English sentence of each <see cref="DefinitionErrorCode"/>, and how its placeholders are filled.</summary>
public static partial class DefinitionErrorTexts
{
    private static readonly Dictionary<DefinitionErrorCode, string> Sentences = new()
    {
        [DefinitionErrorCode.FileUnreadable] = "cannot read the file: {detail}",
        [DefinitionErrorCode.NotJson] = "not valid JSON: {detail}",
        [DefinitionErrorCode.NotAnObject] = "the document is not a JSON object",
        [DefinitionErrorCode.NoRoot] = "the definition has no 'root' activity",
        [DefinitionErrorCode.RootNotFlowchart] = "the root activity must be an Elsa.Flowchart or an Elsa.Sequence, not '{type}'",
        [DefinitionErrorCode.ActivityWithoutId] = "an activity of type '{type}' has no id",
        [DefinitionErrorCode.ActivityWithoutType] = "the activity has no type",
        [DefinitionErrorCode.ActivityTypeUnknown] = "activity type '{type}' is not supported (unknown type)",
        [DefinitionErrorCode.HttpActivityUnsupported] = "activity type '{type}' is not supported: HTTP activities are not supported (the approval API receives and answers requests)",
        [DefinitionErrorCode.CSharpUnsupported] = "activity type '{type}' is not supported: C# scripts are not supported (use JavaScript)",
        [DefinitionErrorCode.SubWorkflowUnsupported] = "activity type '{type}' is not supported: sub-workflows are not supported (nest an Elsa.Flowchart instead)",
        [DefinitionErrorCode.ExpressionKindUnsupported] = "input '{input}' uses a {kind} expression, which is not supported (supported: Literal, Object, Variable, JavaScript)",
        [DefinitionErrorCode.ConnectionWithoutEnds] = "a connection has no source or no target activity",
        [DefinitionErrorCode.MergeModeUnknown] = "unknown mergeMode '{mode}' (expected None, Stream, Merge, Converge, Cascade or Race)",
        [DefinitionErrorCode.VariableWithoutName] = "a variable has no name",
        [DefinitionErrorCode.VariableDeclaredTwice] = "variable '{variable}' is declared twice",
        [DefinitionErrorCode.ActivityIdRepeated] = "the activity id is used more than once",
        [DefinitionErrorCode.ScriptDoesNotParse] = "input '{input}': the JavaScript does not parse: {detail}",
        [DefinitionErrorCode.VariableUndeclared] = "input '{input}' reads variable '{variable}', which the definition does not declare",
        [DefinitionErrorCode.ConnectionSourceMissing] = "a connection starts at activity '{activity}', which is not in this flowchart",
        [DefinitionErrorCode.ConnectionTargetMissing] = "a connection ends at activity '{activity}', which is not in this flowchart",
        [DefinitionErrorCode.StartActivityMissing] = "the start activity '{activity}' is not in this flowchart",
        [DefinitionErrorCode.InputMissing] = "the input '{input}' is missing",
        [DefinitionErrorCode.InputUnreadable] = "input '{input}': {detail}",
        [DefinitionErrorCode.JoinModeUnknown] = "unknown join mode '{mode}' (expected WaitAll, WaitAllActive, WaitAllInbound or WaitAny)",
        [DefinitionErrorCode.CaseScriptDoesNotParse] = "case '{case}': the JavaScript does not parse: {detail}",
        [DefinitionErrorCode.SetVariableWithoutVariable] = "SetVariable names no variable",
        [DefinitionErrorCode.SetVariableUndeclared] = "SetVariable sets variable '{variable}', which the definition does not declare",
        [DefinitionErrorCode.LiquidUnsupported] = "input '{input}' uses a Liquid expression, which is not supported (write it as a JavaScript expression)",
        // Elsa's own wording, so an author who knows Elsa's message recognises it.
        [DefinitionErrorCode.CronExpressionUnreadable] = "input '{input}': Error when parsing cron expression: {detail}",
        [DefinitionErrorCode.SubWorkflowDefinitionMissing] = "it runs workflow definition '{definition}', which has no published version here",
        // Said by activities a host registers (Approval.Api's HTTP activities); the engine itself checks none of them.
        [DefinitionErrorCode.HostNotAllowed] = "input '{input}': host '{host}' is not on the allow-list",
        [DefinitionErrorCode.SecretUnknown] = "input '{input}': no secret named '{secret}' is configured",
        [DefinitionErrorCode.CredentialInDefinition] = "input '{input}': a credential is not written in a definition; name a configured secret instead (secret:NAME)",
        [DefinitionErrorCode.CallbackPathUnknown] = "input '{input}': no callback is configured for path '{path}'",
        [DefinitionErrorCode.EmailActivityUnsupported] = "activity type '{type}' is not supported: e-mail is sent by a host's outbox, and this one has none",
        // Said by the host's Elsa.SendEmail (Approval.Api).
        [DefinitionErrorCode.EmailAttachmentsUnsupported] = "input '{input}': attachments are not sent by a process's e-mail (the outbox keeps each message as text; link to the documents instead)",
        [DefinitionErrorCode.EmailAddressInvalid] = "input '{input}': '{address}' is not an e-mail address",
    };

    /// <summary>The code's English sentence, with its <c>{placeholders}</c> unfilled.</summary>
    public static string English(DefinitionErrorCode code) => Sentences[code];

    /// <summary>The names of the placeholders a sentence takes.</summary>
    public static IReadOnlySet<string> PlaceholdersOf(string sentence) =>
        Placeholder().Matches(sentence).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Fills <c>{name}</c> placeholders in one pass, so a value that itself holds braces (a script's parse error) is
    /// left as it is; a placeholder without a value stays visible rather than vanishing.
    /// </summary>
    public static string Fill(string sentence, IReadOnlyDictionary<string, string> parameters) =>
        Placeholder().Replace(sentence, m => parameters.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    [GeneratedRegex(@"\{([a-z][A-Za-z]*)\}")]
    private static partial Regex Placeholder();
}
