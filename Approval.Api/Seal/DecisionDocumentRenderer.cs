using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Approval.Api.Seal;

/// <summary>
/// Sets a sealed document as an A4 PDF: title, the case, the decision's paragraphs, the department's seal mark over its
/// name and the date, and a QR code to the verification page. Chinese is set in the embedded CJK face, digits, letters and
/// signs in the embedded Latin one (<see cref="SealFont"/>), run by run on one baseline.
/// </summary>
internal sealed class DecisionDocumentRenderer(Microsoft.Extensions.Options.IOptions<SealOptions> options)
{
    private const double Margin = 64;
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    // Chinese typesetting's 避头尾 rules: closing marks never begin a line (the character before goes down with them),
    // opening marks never end one (they go down to what they open).
    private const string NeverFirst = "，。、；：！？）》」』”’,.;:!?)";
    private const string NeverLast = "（《「『“‘(";

    /// <summary>One size of the document's type: its CJK and its Latin face.</summary>
    private sealed record TypeSize(XFont Cjk, XFont Latin)
    {
        public static TypeSize Of(double size) =>
            new(new XFont(SealFont.Family, size, XFontStyleEx.Regular, Unicode), new XFont(SealFont.LatinFamily, size, XFontStyleEx.Regular, Unicode));

        public double Size => Cjk.Size;

        public XFont For(char character) => SealFont.IsCjk(character) ? Cjk : Latin;
    }

    public byte[] Render(DecisionSheet sheet)
    {
        // Installed at the first document, not at start: a node without the fonts still runs, and says what to set when asked to seal.
        SealFont.Install(options.Value.FontFile, options.Value.LatinFontFile);
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
        var title = TypeSize.Of(22);
        var body = TypeSize.Of(12.5);
        var small = TypeSize.Of(9);
        var text = width - 2 * Margin;

        Centered(gfx, sheet.Title, title, XBrushes.Black, Margin, text, Margin);
        Centered(gfx, $"编号：{sheet.CaseNumber}", body, XBrushes.Black, Margin, text, Margin + 44);
        var y = Margin + 90;
        foreach (var line in (string[])[$"申请人：{sheet.ApplicantName}（{sheet.ApplicantId}）", $"申请事项：{sheet.ItemName}", $"办件编号：{sheet.CaseNumber}"])
            y = Paragraph(gfx, line, body, XBrushes.Black, Margin, y, text, indent: false);
        y += 10;
        foreach (var paragraph in sheet.Paragraphs)
            y = Paragraph(gfx, paragraph, body, XBrushes.Black, Margin, y, text, indent: true) + 6;

        // The department's name and the date, right-aligned, and its seal stamped over them as on paper (in ink that lets
        // them show through); who signed below the seal.
        var date = $"{sheet.Date.Year}年{sheet.Date.Month}月{sheet.Date.Day}日";
        var right = width - Margin - 20;
        var nameTop = Math.Max(y + 70, height * 0.55);
        RightAligned(gfx, sheet.DepartmentName, body, XBrushes.Black, right, nameTop);
        RightAligned(gfx, date, body, XBrushes.Black, right, nameTop + 22);
        var block = Math.Max(Width(gfx, sheet.DepartmentName, body), Width(gfx, date, body));
        var sealCentre = new XPoint(right - block / 2, nameTop + 20);
        var ink = new XSolidBrush(XColor.FromArgb(170, 200, 20, 20));
        gfx.DrawEllipse(new XPen(XColor.FromArgb(200, 200, 20, 20), 2.5), sealCentre.X - 55, sealCentre.Y - 55, 110, 110);
        Star(gfx, ink, new XPoint(sealCentre.X, sealCentre.Y - 22), 14);
        Centered(gfx, "电子印章", small, ink, sealCentre.X - 55, 110, sealCentre.Y + 30);
        RightAligned(gfx, $"签发：{sheet.Signer}", small, XBrushes.Black, right, sealCentre.Y + 62);

        const double qrSize = 96.0;
        var qrTop = height - Margin - qrSize - 24;
        QrCode(gfx, sheet.VerifyUrl, Margin, qrTop, qrSize);
        var (left, legend) = (Margin + qrSize + 12, text - qrSize - 12);
        var at = Paragraph(gfx, "扫码或访问以下地址验证本文书的电子签章 (scan to verify the seal):", small, XBrushes.Black, left, qrTop + 12, legend, indent: false, lineFactor: 1.5);
        at = Paragraph(gfx, sheet.VerifyUrl, small, XBrushes.Black, left, at + 2, legend, indent: false, lineFactor: 1.5);
        Paragraph(gfx, $"文书标识 Document: {sheet.DocumentId}", small, XBrushes.Black, left, at + 2, legend, indent: false, lineFactor: 1.5);
    }

    // Chinese has no spaces to break at: lines break at any character that would pass the right margin (never before a
    // closing mark), and a URL breaks the same way.
    private static double Paragraph(XGraphics gfx, string paragraph, TypeSize type, XBrush brush, double left, double y, double width, bool indent,
        double lineFactor = 1.7)
    {
        var lineHeight = type.Size * lineFactor;
        var line = new StringBuilder(indent ? "　　" : "");
        foreach (var character in paragraph)
        {
            if (line.Length > 0 && Width(gfx, line + character.ToString(), type) > width)
            {
                var carried = (NeverFirst.Contains(character, StringComparison.Ordinal) || NeverLast.Contains(line[^1], StringComparison.Ordinal)) && line.Length > 1
                    ? line[^1].ToString() : "";
                line.Length -= carried.Length;
                Line(gfx, line.ToString(), type, brush, left, y);
                y += lineHeight;
                line.Clear().Append(carried);
            }
            line.Append(character);
        }
        if (line.Length > 0)
        {
            Line(gfx, line.ToString(), type, brush, left, y);
            y += lineHeight;
        }
        return y;
    }

    /// <summary>The text cut where it changes script, each run with the face that has its glyphs.</summary>
    private static IEnumerable<(string Text, XFont Font)> Runs(string text, TypeSize type)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || SealFont.IsCjk(text[i]) != SealFont.IsCjk(text[start]))
            {
                yield return (text[start..i], type.For(text[start]));
                start = i;
            }
        }
    }

    private static double Width(XGraphics gfx, string text, TypeSize type) => Runs(text, type).Sum(r => gfx.MeasureString(r.Text, r.Font).Width);

    /// <summary>One line whose top is at <paramref name="top"/>, from <paramref name="left"/>: both faces on one baseline.</summary>
    private static void Line(XGraphics gfx, string text, TypeSize type, XBrush brush, double left, double top)
    {
        var baseline = top + type.Size;
        foreach (var (run, font) in Runs(text, type))
        {
            gfx.DrawString(run, font, brush, left, baseline, XStringFormats.BaseLineLeft);
            left += gfx.MeasureString(run, font).Width;
        }
    }

    private static void Centered(XGraphics gfx, string text, TypeSize type, XBrush brush, double left, double width, double top) =>
        Line(gfx, text, type, brush, left + (width - Width(gfx, text, type)) / 2, top);

    private static void RightAligned(XGraphics gfx, string text, TypeSize type, XBrush brush, double right, double top) =>
        Line(gfx, text, type, brush, right - Width(gfx, text, type), top);

    /// <summary>The seal's five-pointed star, drawn: the CJK face has no ★ glyph.</summary>
    private static void Star(XGraphics gfx, XBrush brush, XPoint centre, double radius)
    {
        var points = new XPoint[10];
        for (var i = 0; i < points.Length; i++)
        {
            var r = i % 2 == 0 ? radius : radius * 0.382;
            var angle = -Math.PI / 2 + i * Math.PI / 5;
            points[i] = new XPoint(centre.X + r * Math.Cos(angle), centre.Y + r * Math.Sin(angle));
        }
        gfx.DrawPolygon(brush, points, XFillMode.Winding);
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
