using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Approval.Api.Seal;

/// <summary>
/// Sets a sealed document as an A4 PDF: title, the case, the decision's paragraphs, the department's seal mark, and a
/// QR code to the verification page. The text is in the embedded CJK font (<see cref="SealFont"/>).
/// </summary>
internal sealed class DecisionDocumentRenderer(Microsoft.Extensions.Options.IOptions<SealOptions> options)
{
    private const double Margin = 64;
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    public byte[] Render(DecisionSheet sheet)
    {
        // Installed at the first document, not at start: a node without the font still runs, and says what to set when asked to seal.
        SealFont.Install(options.Value.FontFile);
        using var document = new PdfDocument();
        document.Info.Title = $"{sheet.Title} {sheet.CaseNumber}";
        document.Info.Author = sheet.DepartmentName;
        document.Info.Creator = "Approval 并联审批";
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var gfx = XGraphics.FromPdfPage(page))
            Draw(gfx, sheet, page.Width.Point, page.Height.Point);
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static void Draw(XGraphics gfx, DecisionSheet sheet, double width, double height)
    {
        var title = new XFont(SealFont.Family, 22, XFontStyleEx.Regular, Unicode);
        var body = new XFont(SealFont.Family, 12.5, XFontStyleEx.Regular, Unicode);
        var small = new XFont(SealFont.Family, 9, XFontStyleEx.Regular, Unicode);
        var text = width - 2 * Margin;

        gfx.DrawString(sheet.Title, title, XBrushes.Black, new XRect(Margin, Margin, text, 32), XStringFormats.TopCenter);
        gfx.DrawString($"编号：{sheet.CaseNumber}", body, XBrushes.Black, new XRect(Margin, Margin + 44, text, 18), XStringFormats.TopCenter);
        var y = Margin + 90;
        foreach (var line in (string[])[$"申请人：{sheet.ApplicantName}（{sheet.ApplicantId}）", $"申请事项：{sheet.ItemName}", $"办件编号：{sheet.CaseNumber}"])
            y = Paragraph(gfx, line, body, y, text, indent: false);
        y += 10;
        foreach (var paragraph in sheet.Paragraphs)
            y = Paragraph(gfx, paragraph, body, y, text, indent: true) + 6;

        // The department's seal mark over its name and the date, as on paper.
        var sealCentre = new XPoint(width - Margin - 90, Math.Max(y + 90, height * 0.55));
        gfx.DrawString(sheet.DepartmentName, body, XBrushes.Black, new XRect(Margin, sealCentre.Y - 16, text - 20, 18), XStringFormats.TopRight);
        gfx.DrawString($"{sheet.Date.Year}年{sheet.Date.Month}月{sheet.Date.Day}日", body, XBrushes.Black, new XRect(Margin, sealCentre.Y + 6, text - 20, 18), XStringFormats.TopRight);
        var red = XColor.FromArgb(200, 20, 20);
        gfx.DrawEllipse(new XPen(red, 2.5), sealCentre.X - 55, sealCentre.Y - 55, 110, 110);
        gfx.DrawString("★", new XFont(SealFont.Family, 20, XFontStyleEx.Regular, Unicode), new XSolidBrush(red), new XRect(sealCentre.X - 55, sealCentre.Y - 14, 110, 24), XStringFormats.TopCenter);
        gfx.DrawString("电子印章", small, new XSolidBrush(red), new XRect(sealCentre.X - 55, sealCentre.Y + 18, 110, 12), XStringFormats.TopCenter);
        gfx.DrawString($"签发：{sheet.Signer}", small, XBrushes.Black, new XRect(Margin, sealCentre.Y + 30, text - 20, 12), XStringFormats.TopRight);

        var qrSize = 96.0;
        var qrTop = height - Margin - qrSize - 24;
        QrCode(gfx, sheet.VerifyUrl, Margin, qrTop, qrSize);
        gfx.DrawString("扫码或访问以下地址验证本文书的电子签章 (scan to verify the seal):", small, XBrushes.Black, new XRect(Margin + qrSize + 12, qrTop + 20, text - qrSize - 12, 12), XStringFormats.TopLeft);
        gfx.DrawString(sheet.VerifyUrl, small, XBrushes.Black, new XRect(Margin + qrSize + 12, qrTop + 36, text - qrSize - 12, 12), XStringFormats.TopLeft);
        gfx.DrawString($"文书标识 Document: {sheet.DocumentId}", small, XBrushes.Black, new XRect(Margin + qrSize + 12, qrTop + 52, text - qrSize - 12, 12), XStringFormats.TopLeft);
    }

    // Chinese has no spaces to break at: lines break at any character that would pass the right margin.
    private static double Paragraph(XGraphics gfx, string paragraph, XFont font, double y, double width, bool indent)
    {
        var lineHeight = font.Size * 1.7;
        var line = indent ? "　　" : "";
        foreach (var character in paragraph)
        {
            if (gfx.MeasureString(line + character, font).Width > width)
            {
                gfx.DrawString(line, font, XBrushes.Black, new XRect(Margin, y, width, lineHeight), XStringFormats.TopLeft);
                y += lineHeight;
                line = "";
            }
            line += character;
        }
        if (line.Length > 0)
        {
            gfx.DrawString(line, font, XBrushes.Black, new XRect(Margin, y, width, lineHeight), XStringFormats.TopLeft);
            y += lineHeight;
        }
        return y;
    }

    private static void QrCode(XGraphics gfx, string url, double left, double top, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var cell = size / modules.Count;
        for (var row = 0; row < modules.Count; row++)
            for (var column = 0; column < modules[row].Length; column++)
                if (modules[row][column])
                    gfx.DrawRectangle(XBrushes.Black, left + column * cell, top + row * cell, cell, cell);
    }
}
