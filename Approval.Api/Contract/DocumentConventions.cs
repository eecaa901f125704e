using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Approval.Api.Contract;

/// <summary>
/// What the whole document promises, said once at its top (the info description a generated client's README quotes):
/// the time convention, the problem details with their codes and languages, and the user groups its tags are.
/// </summary>
internal sealed class DocumentConventions : IDocumentFilter
{
    public const string Description = """
        The HTTP API of the parallel approval system (并联审批) with electronic supervision (行政电子监察): one window
        accepts (一窗受理), the departments review in parallel, one window delivers (一窗办结), and supervision watches
        every clock. Departments with their own systems and the provincial platform integrate through it.

        **Times.** Every instant in a JSON answer or export is RFC 3339 with the service center's offset, `+08:00`
        (Asia/Shanghai), e.g. `2026-06-15T09:00:00+08:00`; a fraction of a second is written only when there is one.
        Requests may give an instant in any offset. Days (`YYYY-MM-DD`: `from`, `to`, calendar dates) are the service
        center's calendar days, and periods are working days (Art. 82). The CSV exports (`format=csv`) write instants
        in the same local time with its offset.

        **Errors.** Every 4xx answer is an RFC 7807 problem detail (`application/problem+json`) with a `code`, a
        stable name to branch on: the domain's refusal code (`ExtensionTooLate`, `TaskClaimedByAnother`, …) or the
        API's own (`InvalidRequest`, `Unauthorized`, `Forbidden`, `NotFound`, `Conflict`, `TooLong`, `Unprocessable`,
        `TooManyRequests`, `NotJson`, `BodyTooLarge`). A request at fault also has `errors`, each field (JSON path or
        parameter) with its reasons.

        **Languages.** `title`, `detail` and the reasons in `errors` are in Chinese (zh-CN) by default and in English
        when `Accept-Language` prefers `en`; the `code` and the field names never change with the language.

        **Tags** are the user groups: public, applicants, window, departments, supervision, administration, and what
        every signed-in user may do.
        """;

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Info ??= new OpenApiInfo();
        document.Info.Description = Description;
        document.Info.Contact = new OpenApiContact { Name = "The service center's IT (管理员)" };
        // Relative: the API answers on the host that serves the pages, wherever the center deploys it.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The service center's deployment that serves this document." }];
        document.Tags = new HashSet<OpenApiTag>(UserGroups.All.Select(g => new OpenApiTag { Name = g.Name, Description = g.Description }));
    }
}
