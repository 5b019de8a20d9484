namespace Planwerk.Features.Legal;

/// <summary>The starting texts of the legal pages, shown until a municipality's administrators save their own.
/// They hold what Planwerk itself does (its cookies, what it stores, its accessibility) and mark in square
/// brackets what only the municipality can fill in. German, as the legal texts of a German public body are.</summary>
public static class LegalTexts
{
    public static string Starting(LegalPageKind kind, string municipality) => kind switch
    {
        LegalPageKind.Imprint => Imprint(municipality),
        LegalPageKind.Privacy => Privacy(municipality),
        LegalPageKind.Accessibility => Accessibility(municipality),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string Imprint(string municipality) => $"""
        ## Herausgeber

        {municipality}
        [Anschrift: Straße, Hausnummer, Postleitzahl, Ort]

        Die {municipality} ist eine Körperschaft des öffentlichen Rechts. Sie wird vertreten durch [die Oberbürgermeisterin / den Oberbürgermeister / die Bürgermeisterin / den Bürgermeister, Name].

        ## Kontakt

        - Telefon: [Telefonnummer]
        - E-Mail: [E-Mail-Adresse]

        ## Umsatzsteuer-Identifikationsnummer

        [Umsatzsteuer-Identifikationsnummer nach § 27a UStG, falls vorhanden]

        ## Verantwortlich für den Inhalt

        [Name, Dienststelle, Anschrift] (verantwortlich nach § 18 Abs. 2 MStV)

        ## Aufsichtsbehörde

        [Zuständige Kommunalaufsicht, Anschrift]

        ## Software

        Diese Seiten werden mit Planwerk betrieben, einer Software für Fachpläne, Beteiligung und Ratsbeschlüsse.
        """;

    private static string Privacy(string municipality) => $"""
        ## Verantwortliche Stelle

        Verantwortlich für die Verarbeitung personenbezogener Daten auf diesen Seiten ist die {municipality}, [Anschrift, Telefon, E-Mail].

        ## Datenschutzbeauftragte oder Datenschutzbeauftragter

        [Name oder Funktion, Anschrift, E-Mail]

        ## Was beim Aufruf dieser Seiten verarbeitet wird

        Beim Aufruf verarbeitet der Server die IP-Adresse, den Zeitpunkt, die aufgerufene Adresse und die Angaben des Browsers, um die Seiten auszuliefern und vor Missbrauch zu schützen (Art. 6 Abs. 1 lit. e DSGVO). [Speicherdauer der Protokolle, z. B. 7 Tage.]

        Planwerk setzt nur Cookies, die für den Betrieb nötig sind: eines für die gewählte Sprache, eines für die Anmeldung und eines zum Schutz der Formulare. Es gibt keine Analyse- oder Werbe-Cookies und keine Inhalte von anderen Servern.

        ## Konto, Beteiligung und Stellungnahmen

        Wer ein Konto anlegt, gibt Namen und E-Mail-Adresse an. Stellungnahmen in Beteiligungsrunden werden mit Namen, Text, Anhängen und Zeitpunkt gespeichert und vom Planungsteam abgewogen. Veröffentlicht werden sie nur, wenn Sie dem beim Abgeben zugestimmt haben, und erst mit der Veröffentlichung der Abwägung. Zu Workshops werden Name und E-Mail-Adresse der Angemeldeten gespeichert. Rechtsgrundlage ist Art. 6 Abs. 1 lit. e DSGVO in Verbindung mit [Rechtsgrundlage der Beteiligung, z. B. Landesrecht oder Satzung].

        [Speicherdauer und Löschung: z. B. Stellungnahmen bis zum Abschluss des Verfahrens und der Aufbewahrungsfrist.]

        ## E-Mails

        Planwerk sendet E-Mails nur für Ihr Konto (Bestätigung, Passwort), für Eingangsbestätigungen und Erinnerungen zu Beteiligungsrunden und für Workshops, zu denen Sie sich angemeldet haben. [Versand über: Name des E-Mail-Dienstleisters, falls beauftragt.]

        ## Ihre Rechte

        Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18), Widerspruch (Art. 21) und Datenübertragbarkeit (Art. 20). Eine Einwilligung können Sie jederzeit für die Zukunft widerrufen.

        Sie können sich bei einer Aufsichtsbehörde beschweren, insbesondere bei [der bzw. dem Landesbeauftragten für den Datenschutz des Landes, Anschrift].
        """;

    private static string Accessibility(string municipality) => $"""
        Die {municipality} ist bemüht, diese Seiten im Einklang mit [den landesrechtlichen Vorschriften, z. B. dem Landesbehindertengleichstellungsgesetz] sowie der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) zur Umsetzung der Richtlinie (EU) 2016/2102 barrierefrei zugänglich zu machen.

        Diese Erklärung zur Barrierefreiheit gilt für die Seiten der {municipality} in Planwerk.

        ## Stand der Vereinbarkeit mit den Anforderungen

        Diese Seiten sind wegen der unten genannten Ausnahmen **teilweise barrierefrei**. Sie werden bei jeder Änderung der Software automatisch mit axe-core geprüft, in Chromium bedient und ohne JavaScript nutzbar gehalten. [Ergebnis einer eigenen Prüfung, z. B. nach BITV-Test, mit Datum.]

        ## Nicht barrierefreie Inhalte

        - **PDF-Dateien der Pläne und der Abwägungstabellen**: Sie tragen Titel, Sprache und Lesezeichen, sind aber nicht vollständig als barrierefreies PDF (PDF/UA) ausgezeichnet. Dieselben Inhalte stehen auf den Seiten des Plans und als Druckansicht in HTML barrierefrei zur Verfügung.
        - **Hochgeladene Dokumente**: Anlagen zu Ratsvorlagen und Stellungnahmen stammen von Dritten und sind nicht immer barrierefrei.
        - **Bilder in Plantexten**: Ihre Alternativtexte schreibt das Planungsteam; sie können unvollständig sein.
        - [Weitere bekannte Mängel.]

        ## Erstellung dieser Erklärung

        Diese Erklärung wurde am [Datum] erstellt. Sie beruht auf [einer Selbstbewertung / einer Prüfung durch Dritte]. Wann sie zuletzt geändert wurde, steht unten auf dieser Seite.

        ## Feedback und Kontaktangaben

        Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Oder benötigen Sie Inhalte in einer barrierefreien Form? Dann wenden Sie sich bitte an:

        [Dienststelle, Anschrift, Telefon, E-Mail der Kontaktstelle für Barrierefreiheit]

        Wir beantworten Ihre Nachricht in der Regel innerhalb von [zwei Wochen].

        ## Durchsetzungsverfahren

        Wenn Sie auf Ihre Rückmeldung innerhalb von sechs Wochen keine zufriedenstellende Antwort erhalten haben, können Sie sich an die Schlichtungsstelle wenden. Für Stellen des Bundes ist das die Schlichtungsstelle nach § 16 BGG beim Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen, Mauerstraße 53, 10117 Berlin, [www.schlichtungsstelle-bgg.de](https://www.schlichtungsstelle-bgg.de). Für Kommunen ist die Schlichtungs- oder Durchsetzungsstelle des Landes zuständig:

        [Name der Schlichtungsstelle bzw. Durchsetzungsstelle des Landes, Anschrift, Telefon, E-Mail, Internetadresse]

        Das Schlichtungsverfahren ist kostenlos; Sie brauchen keinen Rechtsbeistand.
        """;
}
