using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Planwerk.Infrastructure.Mail;

/// <summary>Mail settings (<c>Mail:*</c>). With <c>PickupDirectory</c> set, messages are written there as
/// .eml files instead of being sent, for development without a mail server.</summary>
public sealed class MailOptions
{
    public string FromAddress { get; set; } = "planwerk@localhost";
    public string FromName { get; set; } = "Planwerk";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    public bool UseStartTls { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? PickupDirectory { get; set; }
}

/// <summary>A file sent with a mail, e.g. a calendar invitation (<c>text/calendar; method=REQUEST</c>).</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

public sealed record MailMessage(string ToAddress, string Subject, string TextBody, string? HtmlBody = null, IReadOnlyList<MailAttachment>? Attachments = null);

public sealed class MailSender(Microsoft.Extensions.Options.IOptions<MailOptions> options, ILogger<MailSender> logger)
{
    public async Task SendAsync(MailMessage mail, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        message.To.Add(MailboxAddress.Parse(mail.ToAddress));
        message.Subject = mail.Subject;
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        foreach (var attachment in mail.Attachments ?? [])
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        message.Body = body.ToMessageBody();

        if (!string.IsNullOrEmpty(o.PickupDirectory))
        {
            Directory.CreateDirectory(o.PickupDirectory);
            var file = Path.Combine(o.PickupDirectory, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(file, cancellationToken);
            logger.LogInformation("Mail to {Recipient} written to {File}", mail.ToAddress, file);
            return;
        }
        if (string.IsNullOrEmpty(o.SmtpHost))
            throw new InvalidOperationException("No mail server configured: set Mail:SmtpHost or Mail:PickupDirectory.");

        using var client = new SmtpClient();
        await client.ConnectAsync(o.SmtpHost, o.SmtpPort, o.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(o.UserName))
            await client.AuthenticateAsync(o.UserName, o.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
        logger.LogInformation("Mail to {Recipient} sent via {Host}", mail.ToAddress, o.SmtpHost);
    }
}
