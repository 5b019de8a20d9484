using Planwerk.Features.Participation.Consultations;
using static Planwerk.Tests.Features.Participation.ConsultationTestSupport;

namespace Planwerk.Tests.Features.Participation;

/// <summary>Attachment types are recognised by content alone.</summary>
public sealed class StatementAttachmentTypeTests
{
    [Fact]
    public void Real_documents_are_recognised_and_look_alikes_are_not()
    {
        Assert.Equal(AttachmentTypes.Pdf, AttachmentTypes.Recognise(Files.Pdf()));
        Assert.Equal(AttachmentTypes.Docx, AttachmentTypes.Recognise(Files.Docx()));
        Assert.Equal(AttachmentTypes.Odt, AttachmentTypes.Recognise(Files.Odt()));

        Assert.Null(AttachmentTypes.Recognise([]));
        Assert.Null(AttachmentTypes.Recognise("%PDF"u8.ToArray()));
        Assert.Null(AttachmentTypes.Recognise(Files.Exe()));
        Assert.Null(AttachmentTypes.Recognise(Files.Text()));
        Assert.Null(AttachmentTypes.Recognise(Files.PlainZip()));
        // A zip header followed by rubbish.
        Assert.Null(AttachmentTypes.Recognise([.. "PK\u0003\u0004"u8.ToArray(), .. new byte[100]]));
        // Only one of the two parts of a DOCX.
        Assert.Null(AttachmentTypes.Recognise(Files.Zip(("word/document.xml", "<w:document/>"))));
        Assert.Null(AttachmentTypes.Recognise(Files.Zip(("[Content_Types].xml", "<Types/>"))));
        // The ODF type, but not as the first entry; or the type of a spreadsheet.
        Assert.Null(AttachmentTypes.Recognise(Files.Zip(("content.xml", "<x/>"), ("mimetype", AttachmentTypes.Odt))));
        Assert.Null(AttachmentTypes.Recognise(Files.Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet"))));
    }

    [Fact]
    public void File_names_lose_their_paths_and_control_characters()
    {
        Assert.Equal("brief.pdf", AttachmentTypes.CleanName("C:\\Users\\kim\\brief.pdf"));
        Assert.Equal("brief.pdf", AttachmentTypes.CleanName("../../etc/brief.pdf"));
        Assert.Equal("briefneu.pdf", AttachmentTypes.CleanName("brief\r\nneu.pdf"));
        Assert.Equal("Anhang", AttachmentTypes.CleanName("  "));
        Assert.Equal(StatementAttachment.MaxFileNameLength, AttachmentTypes.CleanName(new string('a', 400) + ".pdf").Length);
    }
}
