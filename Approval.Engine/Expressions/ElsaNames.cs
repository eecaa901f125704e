using System.Text.RegularExpressions;

namespace Approval.Engine.Expressions;

/// <summary>
/// How Elsa names the functions it generates for scripts: <c>get</c>/<c>set</c> and the name made Pascal case by
/// Humanizer's <c>Pascalize</c> (Elsa 3.7 uses Humanizer 2.14): the first character, and each character after an
/// underscore or spaces, upper-cased, the underscores and spaces dropped. So variable <c>counter</c> gives
/// <c>getCounter()</c>, input <c>first_name</c> gives <c>getFirstName()</c>, and <c>Counter</c> and <c>counter</c> collide.
/// </summary>
internal static partial class ElsaNames
{
    public static string Pascalize(string name) =>
        PascalBoundary().Replace(name, m => m.Groups[1].Value.ToUpperInvariant());

    [GeneratedRegex("(?:^|_| +)(.)")]
    private static partial Regex PascalBoundary();
}
