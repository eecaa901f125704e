using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;

namespace Approval.Api.Supervision;

/// <summary>
/// A list streamed as a UTF-8 CSV file with a byte order mark: the header, then each row as the database yields it,
/// so an export of any size never sits in memory.
/// </summary>
internal sealed class CsvFile<T>(string fileName, IReadOnlyList<CsvColumn<T>> columns, IAsyncEnumerable<T> rows, TimeZoneInfo zone)
    : IResult, IEndpointMetadataProvider
{
    public const string ContentType = "text/csv";
    private const int RowsPerFlush = 500;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = $"{ContentType}; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await response.Body.WriteAsync(Csv.ByteOrderMark.ToArray(), cancellationToken);
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(Csv.Header(columns));
        var written = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Csv.Line(columns, row, zone));
            if (++written % RowsPerFlush == 0)
                await writer.FlushAsync(cancellationToken);
        }
        await writer.FlushAsync(cancellationToken);
    }

    // A second 200 response type would replace the JSON one in the API description: a marker, read by SwaggerCsvExport.
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => builder.Metadata.Add(CsvExport.Instance);
}

/// <summary>Marks an endpoint whose 200 can also be a CSV file.</summary>
internal sealed class CsvExport
{
    public static readonly CsvExport Instance = new();
}
