using System.Text.Json.Nodes;
using Approval.Engine.Definitions;
using Approval.Engine.Expressions;
using Approval.Engine.Flowcharts;
using Approval.Engine.Runtime;

namespace Approval.Engine.Activities;

/// <summary>What an activity sees while it executes: its inputs (evaluated on demand), the instance's variables,
/// the clock, the output console and, when resuming, the input delivered with the resume.</summary>
public sealed class ActivityContext : IExpressionScope
{
    private readonly JavaScriptLimits _limits;
    private readonly RunEnvironment _environment;
    private ExpressionEvaluator? _evaluator;
    private WorkflowInstance _instance = null!;
    private WorkflowDefinition _definition = null!;
    private ActivityExecution _execution = null!;
    private IReadOnlyDictionary<string, string?>? _literalText;
    private FlowGraph _graph = null!;
    private int _index;
    private List<StagedEffect>? _staged;

    internal ActivityContext(JavaScriptLimits limits, RunEnvironment environment)
    {
        _limits = limits;
        _environment = environment;
    }

    // One per run, made on the first expression evaluated: many runs evaluate none (a resume, a literal read).
    private ExpressionEvaluator Evaluator => _evaluator ??= new ExpressionEvaluator(_limits);

    internal void Enter(WorkflowInstance instance, WorkflowDefinition definition, FlowGraph graph, int index, ActivityExecution execution)
    {
        _instance = instance;
        _definition = definition;
        Node = graph.Activities[index];
        _graph = graph;
        _index = index;
        _literalText = graph.LiteralText[index];
        Prepared = graph.Prepared[index];
        _execution = execution;
        _staged = null;
    }

    /// <summary>The activity being executed.</summary>
    public ActivityNode Node { get; private set; } = null!;

    /// <summary>What the activity's type prepared for this activity once per definition (<see cref="ActivityType.Prepare"/>).</summary>
    internal object? Prepared { get; private set; }

    public string InstanceId => _instance.Id;

    /// <summary>The execution's number within the instance: the same when an incident's retry runs it again, so with the
    /// instance id it names one attempt at a side effect (an idempotency key for a system the activity calls).</summary>
    public int ExecutionId => _execution.Id;

    /// <summary>Whether the definition connects the activity's <paramref name="port"/> to anything: an activity may treat a
    /// failure the author routed (Elsa's "Failed to connect") differently from one nobody handles (an incident).</summary>
    public bool IsConnected(string port)
    {
        foreach (var c in _graph.Outbound[_index])
            if (_graph.Connections[c].SourcePort == port)
                return true;
        return false;
    }
    public string? CorrelationId => _instance.CorrelationId;

    /// <summary>The current instant of the injected clock.</summary>
    public DateTimeOffset Now => _environment.Time.GetUtcNow();

    public CancellationToken CancellationToken => _environment.CancellationToken;

    /// <summary>The input delivered with the resume, when the activity is resuming a bookmark.</summary>
    public JsonNode? ResumeInput => _execution.ResumeInput;

    /// <summary>The name of the bookmark being resumed.</summary>
    public string? ResumedBookmarkName => _execution.ResumingBookmarkName;

    /// <summary>The payload of the bookmark being resumed.</summary>
    public JsonNode? ResumedBookmarkPayload => _execution.ResumingBookmarkPayload;

    /// <summary>Evaluates an input; null when the definition does not set it.</summary>
    public JsonNode? Evaluate(string inputName)
    {
        var input = Node.Input(inputName);
        return input is null ? null : Evaluator.Evaluate(input, this);
    }

    /// <summary>Evaluates an expression that is not one of the activity's inputs (e.g. a switch case's condition).</summary>
    public JsonNode? EvaluateExpression(InputValue expression) => Evaluator.Evaluate(expression, this);

    public string? GetString(string inputName) =>
        _literalText is not null && _literalText.TryGetValue(inputName, out var text) ? text : Values.AsString(Evaluate(inputName));

    public bool? GetBoolean(string inputName) => Values.AsBoolean(Evaluate(inputName));

    public TimeSpan? GetTimeSpan(string inputName) => Values.AsTimeSpan(Evaluate(inputName));

    public DateTimeOffset? GetDateTimeOffset(string inputName) => Values.AsDateTimeOffset(Evaluate(inputName));

    public IReadOnlyDictionary<string, JsonNode?> Variables => _instance.Variables;

    public IReadOnlyList<string> DeclaredVariables => _environment.DeclaredVariables(_definition);

    public IReadOnlyDictionary<string, JsonNode?> Input => _instance.Input;

    /// <summary>The workflow's outputs so far.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Output => _instance.Output;

    public JsonNode? GetVariable(string name)
    {
        var resolved = ResolveVariable(name);
        var holder = LocalsHolding(resolved) ?? _instance.Variables;
        return holder.TryGetValue(resolved, out var value) ? value : null;
    }

    public void SetVariable(string name, JsonNode? value)
    {
        var resolved = ResolveVariable(name);
        (LocalsHolding(resolved) ?? _instance.Variables)[resolved] = value;
    }

    /// <summary>Sets a workflow output value.</summary>
    public void SetOutput(string name, JsonNode? value) => _instance.Output[name] = value;

    public void SetWorkflowName(string? name) => _instance.Name = name;

    public void SetCorrelationId(string? id) => _instance.CorrelationId = id;

    /// <summary>
    /// Stages a side effect to be written with the run's save (see <see cref="StagedEffect"/>). It is kept only if the
    /// execution completes: an activity that throws or faults after staging stages nothing.
    /// </summary>
    public void Stage(StagedEffect effect) => (_staged ??= []).Add(effect);

    /// <summary>What the current execution staged, handed to the run's result once the execution succeeded.</summary>
    internal List<StagedEffect>? TakeStaged()
    {
        var staged = _staged;
        _staged = null;
        return staged;
    }

    /// <summary>Writes a line to the run's console (what <c>Elsa.WriteLine</c> does).</summary>
    public void WriteLine(string text) => _environment.Console.WriteLine(text);

    // A variable local to a scope the execution runs in (a loop iteration's CurrentValue), nearest first, as Elsa looks a
    // variable up through the enclosing execution contexts; null when the name is the workflow's. Most instances have
    // no local variables: then this is one pass over the scopes.
    private Dictionary<string, JsonNode?>? LocalsHolding(string name)
    {
        for (var scopeId = (int?)_execution.ScopeId; scopeId is { } id;)
        {
            ScopeState? scope = null;
            foreach (var candidate in _instance.Scopes)
            {
                if (candidate.Id == id)
                {
                    scope = candidate;
                    break;
                }
            }
            if (scope is null)
                return null;
            if (scope.Locals is { } locals && locals.ContainsKey(name))
                return locals;
            scopeId = null;
            foreach (var execution in _instance.Executions)
            {
                if (execution.Id == scope.OwnerExecutionId)
                {
                    scopeId = execution.ScopeId;
                    break;
                }
            }
        }
        return null;
    }

    // Variables are referenced by name or by id.
    private string ResolveVariable(string nameOrId)
    {
        foreach (var v in _definition.Variables)
            if (v.Id == nameOrId) return v.Name;
        return nameOrId;
    }
}
