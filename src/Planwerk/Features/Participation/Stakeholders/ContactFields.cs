using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;

namespace Planwerk.Features.Participation.Stakeholders;

/// <summary>An organisation's contact details as a form holds them: the part its contact may edit and the
/// plan team edits with the rest. Read from, written to and compared with the stored organisation here once.</summary>
public abstract class ContactFields
{
    [StringLength(Stakeholder.MaxLineLength, ErrorMessage = "Die Anschrift darf höchstens {1} Zeichen lang sein.")]
    public string? Address { get; set; }

    [StringLength(Stakeholder.MaxLineLength, ErrorMessage = "Die Website darf höchstens {1} Zeichen lang sein.")]
    [Url(ErrorMessage = "Bitte geben Sie die Website als vollständige Adresse an, z. B. https://example.org.")]
    public string? Website { get; set; }

    [StringLength(256, ErrorMessage = "Die E-Mail-Adresse darf höchstens {1} Zeichen lang sein.")]
    [EmailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an.")]
    public string? Email { get; set; }

    [StringLength(100, ErrorMessage = "Die Telefonnummer darf höchstens {1} Zeichen lang sein.")]
    public string? Phone { get; set; }

    [StringLength(Stakeholder.MaxLineLength, ErrorMessage = "Die Ansprechperson darf höchstens {1} Zeichen lang sein.")]
    public string? ContactPerson { get; set; }

    public int Version { get; set; }

    /// <summary>Fills the contact details and the version from the stored organisation.</summary>
    public void ReadContact(Stakeholder s)
    {
        Address = s.Address;
        Website = s.Website;
        Email = s.Email;
        Phone = s.Phone;
        ContactPerson = s.ContactPerson;
        Version = s.Version;
    }

    /// <summary>Writes the contact details, trimmed, to the organisation.</summary>
    public void WriteContact(Stakeholder s)
    {
        s.Address = Address?.Trim() ?? "";
        s.Website = Website?.Trim() ?? "";
        s.Email = Email?.Trim() ?? "";
        s.Phone = Phone?.Trim() ?? "";
        s.ContactPerson = ContactPerson?.Trim() ?? "";
    }

    /// <summary>Adds the contact details that differ from what is stored to an edit conflict.</summary>
    public EditConflict CompareContact(EditConflict conflict, Stakeholder stored, IStringLocalizer<SharedResource> L) => conflict
        .Compare(L["Anschrift"], Address, stored.Address)
        .Compare(L["Website"], Website, stored.Website)
        .Compare(L["E-Mail-Adresse"], Email, stored.Email)
        .Compare(L["Telefon"], Phone, stored.Phone)
        .Compare(L["Ansprechperson"], ContactPerson, stored.ContactPerson);
}
