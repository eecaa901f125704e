using System.Text.Json.Nodes;
using Acornima;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace Approval.Engine.Expressions;

/// <summary>
/// Runs workflow JavaScript in Jint with no CLR access and hard limits on time, statements, memory and
/// recursion, so a runaway script becomes an incident instead of a hung thread.
/// Scripts see what Elsa's JavaScript gives them (<see cref="ElsaNames"/> says how the generated functions are named):
/// <c>getVariable(name)</c>, <c>setVariable(name, value)</c>, a <c>variables</c> object, <c>getX()</c>/<c>setX(v)</c> per
/// declared variable, <c>getX()</c> per workflow input, <c>input</c>/<c>getInput(name)</c>, an <c>output</c> object (the
/// workflow's outputs, readable and writable), <c>getWorkflowInstanceId()</c> and <c>getCorrelationId()</c>.
/// </summary>
internal sealed class JavaScriptSandbox(JavaScriptLimits limits)
{
    private static readonly ScriptParsingOptions Parsing = new() { AllowReturnOutsideFunction = true };
    private JsEngine? _engine;
    private IExpressionScope? _scope;

    /// <summary>The parse error of a script, or null when it parses.</summary>
    public static string? ParseError(string script)
    {
        try
        {
            new Parser(new ParserOptions { AllowReturnOutsideFunction = true }).ParseScript(script);
            return null;
        }
        catch (ParseErrorException ex)
        {
            return ex.Message;
        }
    }

    public JsonNode? Evaluate(string script, IExpressionScope scope)
    {
        // One engine per run: the declared variables and the instance's input names do not change within a run.
        var engine = _engine ??= CreateEngine(scope.DeclaredVariables, scope.Input.Keys);
        _scope = scope;
        engine.SetValue("input", ToJs(engine, ToObject(scope.Input)));
        try
        {
            engine.Advanced.ResetCallStack();
            return FromJs(engine, engine.Evaluate(script, Parsing));
        }
        catch (MemoryLimitExceededException ex)
        {
            throw new ExpressionException($"The script went over its memory limit ({ex.Message}).", ex);
        }
        catch (StatementsCountOverflowException ex)
        {
            throw new ExpressionException($"The script ran more than {limits.MaxStatements} statements: is it looping forever?", ex);
        }
        catch (TimeoutException ex)
        {
            throw new ExpressionException($"The script ran longer than {limits.Timeout.TotalSeconds:0.###} s: is it looping forever?", ex);
        }
        catch (RecursionDepthOverflowException ex)
        {
            throw new ExpressionException($"The script recursed deeper than {limits.MaxRecursion} calls.", ex);
        }
        catch (JavaScriptException ex)
        {
            throw new ExpressionException($"The script threw: {ex.Message}", ex);
        }
        finally
        {
            _scope = null;
        }
    }

    private JsEngine CreateEngine(IReadOnlyList<string> declaredVariables, IEnumerable<string> inputNames)
    {
        var engine = new JsEngine(options => options
            .TimeoutInterval(limits.Timeout)
            .MaxStatements(limits.MaxStatements)
            .LimitMemory(limits.MemoryBytes)
            .LimitRecursion(limits.MaxRecursion)
            .Strict(false));
        engine.SetValue("getVariable", new ClrFunction(engine, "getVariable", (_, args) =>
            ToJs(engine, _scope!.GetVariable(args.Length > 0 ? args[0].ToString() : ""))));
        engine.SetValue("setVariable", new ClrFunction(engine, "setVariable", (_, args) =>
        {
            _scope!.SetVariable(args.Length > 0 ? args[0].ToString() : "", FromJs(engine, args.Length > 1 ? args[1] : JsValue.Undefined));
            return JsValue.Undefined;
        }));
        engine.SetValue("getInput", new ClrFunction(engine, "getInput", (_, args) =>
            ToJs(engine, _scope!.Input.TryGetValue(args.Length > 0 ? args[0].ToString() : "", out var v) ? v : null)));
        engine.SetValue("getWorkflowInstanceId", new ClrFunction(engine, "getWorkflowInstanceId", (_, _) => _scope!.InstanceId));
        engine.SetValue("getCorrelationId", new ClrFunction(engine, "getCorrelationId", (_, _) =>
            _scope!.CorrelationId is { } id ? new JsString(id) : JsValue.Null));

        // Elsa's styles of variable access, all live views of the instance's variables:
        // getX()/setX(v) per declared variable, and a `variables` object with a property per variable.
        var variables = new System.Text.StringBuilder("var variables = {};");
        foreach (var name in declaredVariables)
        {
            var captured = name;
            var pascal = ElsaNames.Pascalize(captured);
            engine.SetValue("get" + pascal, new ClrFunction(engine, "get" + pascal, (_, _) => ToJs(engine, _scope!.GetVariable(captured))));
            engine.SetValue("set" + pascal, new ClrFunction(engine, "set" + pascal, (_, args) =>
            {
                _scope!.SetVariable(captured, FromJs(engine, args.Length > 0 ? args[0] : JsValue.Undefined));
                return JsValue.Undefined;
            }));
            var quoted = System.Text.Json.JsonSerializer.Serialize(name);
            variables.Append($"Object.defineProperty(variables, {quoted}, {{ get: function() {{ return getVariable({quoted}); }}, set: function(v) {{ setVariable({quoted}, v); }}, enumerable: true }});");
        }
        engine.Execute(variables.ToString());

        // Workflow inputs come after variables, as in Elsa: an input and a variable whose names give the same getX() leave
        // getX() reading the input, while setX(v) still sets the variable.
        foreach (var name in inputNames)
        {
            var captured = name;
            var getter = "get" + ElsaNames.Pascalize(captured);
            engine.SetValue(getter, new ClrFunction(engine, getter, (_, _) =>
                ToJs(engine, _scope!.Input.TryGetValue(captured, out var v) ? v : null)));
        }

        // `output` reads and writes the workflow's outputs by name; a proxy, because outputs are not declared up front.
        // The two accessors are handed to the factory, not made globals, so a script sees no names Elsa does not give.
        var readOutput = new ClrFunction(engine, "readOutput", (_, args) =>
            ToJs(engine, _scope!.Output.TryGetValue(args.Length > 0 ? args[0].ToString() : "", out var v) ? v : null));
        var writeOutput = new ClrFunction(engine, "writeOutput", (_, args) =>
        {
            _scope!.SetOutput(args.Length > 0 ? args[0].ToString() : "", FromJs(engine, args.Length > 1 ? args[1] : JsValue.Undefined));
            return JsValue.Undefined;
        });
        var outputFactory = engine.Evaluate(
            "(function (read, write) { return new Proxy({}, {" +
            " get: function (t, k) { return typeof k === 'string' ? read(k) : undefined; }," +
            " set: function (t, k, v) { write(String(k), v); return true; } }); })");
        engine.SetValue("output", engine.Invoke(outputFactory, readOutput, writeOutput));
        return engine;
    }

    private static JsonObject ToObject(IReadOnlyDictionary<string, JsonNode?> values)
    {
        var obj = new JsonObject();
        foreach (var (name, value) in values)
            obj[name] = value?.DeepClone();
        return obj;
    }

    internal static JsValue ToJs(JsEngine engine, JsonNode? node) => node switch
    {
        null => JsValue.Null,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? JsBoolean.True : JsBoolean.False,
        JsonValue v when v.TryGetValue<string>(out var s) => new JsString(s),
        JsonValue v when v.TryGetValue<double>(out var d) => new JsNumber(d),
        _ => new JsonParser(engine).Parse(node.ToJsonString()),
    };

    internal static JsonNode? FromJs(JsEngine engine, JsValue value)
    {
        if (value.IsUndefined() || value.IsNull())
            return null;
        if (value.IsBoolean())
            return JsonValue.Create(value.AsBoolean());
        if (value.IsString())
            return JsonValue.Create(value.AsString());
        if (value.IsNumber())
        {
            var d = value.AsNumber();
            return d == Math.Floor(d) && Math.Abs(d) < 9e15 ? JsonValue.Create((long)d) : JsonValue.Create(d);
        }
        var json = new JsonSerializer(engine).Serialize(value);
        return json.IsUndefined() ? null : JsonNode.Parse(json.AsString());
    }
}

/// <summary>An expression failed: it threw, or went over a sandbox limit.</summary>
public sealed class ExpressionException(string message, Exception inner) : Exception(message, inner);

/// <summary>What an expression can see and change of its instance.</summary>
internal interface IExpressionScope
{
    string InstanceId { get; }
    string? CorrelationId { get; }
    IReadOnlyDictionary<string, JsonNode?> Variables { get; }
    IReadOnlyList<string> DeclaredVariables { get; }
    IReadOnlyDictionary<string, JsonNode?> Input { get; }
    IReadOnlyDictionary<string, JsonNode?> Output { get; }
    JsonNode? GetVariable(string name);
    void SetVariable(string name, JsonNode? value);
    void SetOutput(string name, JsonNode? value);
}
