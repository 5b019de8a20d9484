namespace Planwerk.Data.Migrations;

/// <summary>The data step of the migration that makes amendments papers of their own (both databases): each row of the
/// former <c>Amendments</c> table becomes a paper that names the paper it amends, and nothing of it is lost.
/// <list type="bullet">
/// <item>Reference: the amended paper's reference, "-", and the amendment's number ("V2950/19-ÄA 1"); where the number is
/// empty or shared with another amendment of the same paper, "ÄA#" and the amendment's id instead; where that would be
/// longer than a reference may be, "Änderungsantrag #" and the id.</item>
/// <item>Title, text (as the paper's text), creation and change moments: as they were; type "Änderungsantrag"; date: the
/// amended paper's.</item>
/// <item>Proposer: the council body of the same municipality with exactly that name, if there is one; otherwise the proposer
/// is kept as the first line of the text ("Antragsteller: …").</item>
/// <item>Result: a consultation of the new paper in the role "decision" (adopted becomes "approved"), in the body and meeting
/// of the consultation it was decided in; without one, of the amended paper's last consultation in the role "decision",
/// else its last consultation; without any body, the result is kept as a line of the text ("Ergebnis: …").</item>
/// <item>Linked plan changes: they point to the new paper.</item>
/// </list></summary>
public static class AmendmentPapersSql
{
    private const int MaxReference = 60;
    private const int MaxText = 20_000;

    /// <summary>The number part of the new reference, from the amendment row <paramref name="a"/>.</summary>
    private static string Suffix(string a) => $"""
        CASE WHEN {a}."Number" <> '' AND NOT EXISTS (SELECT 1 FROM "Amendments" d WHERE d."PaperId" = {a}."PaperId" AND d."Number" = {a}."Number" AND d."Id" <> {a}."Id")
             THEN {a}."Number" ELSE 'ÄA#' || CAST({a}."Id" AS TEXT) END
        """;

    /// <summary>The new paper's reference, from the amendment row <paramref name="a"/> and the amended paper's row <paramref name="m"/>.</summary>
    private static string Reference(string a = "a", string m = "m") => $"""
        (CASE WHEN LENGTH({m}."Reference") + 1 + LENGTH({Suffix(a)}) <= {MaxReference}
              THEN {m}."Reference" || '-' || {Suffix(a)} ELSE 'Änderungsantrag #' || CAST({a}."Id" AS TEXT) END)
        """;

    private static string ProposerBody => """
        (SELECT MIN(b."Id") FROM "CouncilBodies" b WHERE b."MunicipalityId" = a."MunicipalityId" AND b."Name" = a."Proposer")
        """;

    /// <summary>The body the result is recorded in (null when the municipality has none at all).</summary>
    private static string ResultBody => """
        COALESCE(
            (SELECT c."BodyId" FROM "PaperConsultations" c WHERE c."Id" = a."ConsultationId"),
            (SELECT c."BodyId" FROM "PaperConsultations" c WHERE c."PaperId" = a."PaperId" AND c."Role" = 'Decision' ORDER BY c."Position" DESC, c."Id" DESC LIMIT 1),
            (SELECT c."BodyId" FROM "PaperConsultations" c WHERE c."PaperId" = a."PaperId" ORDER BY c."Position" DESC, c."Id" DESC LIMIT 1),
            (SELECT MIN(b."Id") FROM "CouncilBodies" b WHERE b."MunicipalityId" = a."MunicipalityId"))
        """;

    private static string ResultWord => """
        CASE a."Result" WHEN 'Adopted' THEN 'angenommen' WHEN 'Rejected' THEN 'abgelehnt' WHEN 'Withdrawn' THEN 'zurückgezogen' ELSE a."Result" END
        """;

    /// <summary>Each amendment as a paper. <paramref name="newline"/> is the database's expression for a line break.</summary>
    public static string MoveAmendments(string newline)
    {
        var text = $"""
            SUBSTR(
                (CASE WHEN a."Proposer" <> '' AND {ProposerBody} IS NULL THEN 'Antragsteller: ' || a."Proposer" || {newline} || {newline} ELSE '' END)
                || (CASE WHEN a."Result" IS NOT NULL AND {ResultBody} IS NULL THEN 'Ergebnis: ' || {ResultWord} || {newline} || {newline} ELSE '' END)
                || a."Text", 1, {MaxText})
            """;
        return $"""
            INSERT INTO "Papers" ("MunicipalityId", "Reference", "ReferenceIsExample", "Name", "PaperType", "Date", "ResolutionText",
                "AmendsPaperId", "OriginatorBodyId", "Version", "CreatedAt", "ModifiedAt")
            SELECT a."MunicipalityId", {Reference()}, m."ReferenceIsExample", a."Title", 'Änderungsantrag', m."Date", {text},
                a."PaperId", {ProposerBody}, 0, a."CreatedAt", a."ModifiedAt"
            FROM "Amendments" a JOIN "Papers" m ON m."Id" = a."PaperId"
            ORDER BY a."Id";
            """;
    }

    /// <summary>The id of the paper that the amendment with the id <paramref name="oldId"/> (an expression) became: found
    /// again by its amended paper and its reference, which is unique in the municipality.</summary>
    public static string NewIdOf(string oldId) => $"""
        (SELECT np."Id" FROM "Amendments" na JOIN "Papers" nm ON nm."Id" = na."PaperId"
            JOIN "Papers" np ON np."MunicipalityId" = na."MunicipalityId" AND np."AmendsPaperId" = na."PaperId" AND np."Reference" = {Reference("na", "nm")}
         WHERE na."Id" = {oldId})
        """;

    /// <summary>The result of each amendment that has one, as a consultation of its new paper; run after <see cref="MoveAmendments"/>.</summary>
    public static string MoveResults() => MoveResults(NewIdOf(AmendmentId));

    private const string AmendmentId = "a.\"Id\"";

    private static string MoveResults(string newId) => $"""
        INSERT INTO "PaperConsultations" ("MunicipalityId", "PaperId", "Position", "BodyId", "MeetingId", "Role", "Result",
            "ResultRecordedAt", "Version", "CreatedAt", "ModifiedAt")
        SELECT a."MunicipalityId", {newId}, 1, {ResultBody},
            (SELECT c."MeetingId" FROM "PaperConsultations" c WHERE c."Id" = a."ConsultationId"),
            'Decision', CASE a."Result" WHEN 'Adopted' THEN 'Approved' ELSE a."Result" END, a."ModifiedAt", 0, a."CreatedAt", a."ModifiedAt"
        FROM "Amendments" a
        WHERE a."Result" IS NOT NULL AND {ResultBody} IS NOT NULL
        ORDER BY a."Id";
        """;
}
