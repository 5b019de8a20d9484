using Planwerk.Features.Plans.History;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Time;
using Planwerk.Infrastructure.Files;
using Planwerk.Features.Participation.Consultations;
using static Planwerk.Tests.Features.Participation.ConsultationTestSupport;

namespace Planwerk.Tests.Features.Participation;

/// <summary>Attachment types are recognised by content alone.</summary>
public sealed class StatementAttachmentTypeTests
{
    [Fact]
    public void Real_documents_are_recognised_and_look_alikes_are_not()
    {
        Assert.Equal(DocumentTypes.Pdf, DocumentTypes.Recognise(Files.Pdf()));
        Assert.Equal(DocumentTypes.Docx, DocumentTypes.Recognise(Files.Docx()));
        Assert.Equal(DocumentTypes.Odt, DocumentTypes.Recognise(Files.Odt()));

        Assert.Null(DocumentTypes.Recognise([]));
        Assert.Null(DocumentTypes.Recognise("%PDF"u8.ToArray()));
        Assert.Null(DocumentTypes.Recognise(Files.Exe()));
        Assert.Null(DocumentTypes.Recognise(Files.Text()));
        Assert.Null(DocumentTypes.Recognise(Files.PlainZip()));
        // A zip header followed by rubbish.
        Assert.Null(DocumentTypes.Recognise([.. "PK\u0003\u0004"u8.ToArray(), .. new byte[100]]));
        // Only one of the two parts of a DOCX.
        Assert.Null(DocumentTypes.Recognise(Files.Zip(("word/document.xml", "<w:document/>"))));
        Assert.Null(DocumentTypes.Recognise(Files.Zip(("[Content_Types].xml", "<Types/>"))));
        // The ODF type, but not as the first entry; or the type of a spreadsheet.
        Assert.Null(DocumentTypes.Recognise(Files.Zip(("content.xml", "<x/>"), ("mimetype", DocumentTypes.Odt))));
        Assert.Null(DocumentTypes.Recognise(Files.Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet"))));
    }

    [Fact]
    public void File_names_lose_their_paths_and_control_characters()
    {
        Assert.Equal("brief.pdf", DocumentTypes.CleanName("C:\\Users\\kim\\brief.pdf"));
        Assert.Equal("brief.pdf", DocumentTypes.CleanName("../../etc/brief.pdf"));
        Assert.Equal("briefneu.pdf", DocumentTypes.CleanName("brief\r\nneu.pdf"));
        Assert.Equal("Anhang", DocumentTypes.CleanName("  "));
        Assert.Equal(StatementAttachment.MaxFileNameLength, DocumentTypes.CleanName(new string('a', 400) + ".pdf").Length);
    }
}
