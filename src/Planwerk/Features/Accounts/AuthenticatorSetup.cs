using System.Text;
using System.Text.Encodings.Web;
using QRCoder;

namespace Planwerk.Features.Accounts;

/// <summary>What an authenticator app needs to know: the shared key, as text to type and as a QR code
/// of the <c>otpauth://</c> address. The QR code is an SVG in a data address, so the page needs no
/// script and no other request (the content security policy allows <c>img-src data:</c>).</summary>
public sealed record AuthenticatorSetup(string SharedKey, string FormattedKey, string Uri, string QrCodeDataUri)
{
    public const string Issuer = "Planwerk";

    public static AuthenticatorSetup For(string email, string sharedKey)
    {
        var uri = $"otpauth://totp/{UrlEncoder.Default.Encode(Issuer)}:{UrlEncoder.Default.Encode(email)}?secret={sharedKey}&issuer={UrlEncoder.Default.Encode(Issuer)}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        using var svg = new SvgQRCode(data);
        var image = svg.GetGraphic(5);
        return new(sharedKey, Format(sharedKey), uri, "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(image)));
    }

    /// <summary>Groups of four lower-case characters, easier to type than one long run.</summary>
    public static string Format(string key) =>
        string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
}
