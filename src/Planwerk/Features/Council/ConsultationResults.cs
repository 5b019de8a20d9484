namespace Planwerk.Features.Council;

/// <summary>The catalogue of results: the built-in ones with what they mean, and a recorded result (built-in or the
/// municipality's own) as one value. A deciding result concludes the body's deliberation of the paper (approved,
/// approved as amended, rejected, withdrawn, taken note of, taken over by the administration); the others ask for a further consultation
/// (postponed, referred back, first reading held).</summary>
public static class ConsultationResults
{
    /// <summary>The value of a municipality's own result in the clerk's form: "custom-" and its id.</summary>
    public const string CustomPrefix = "custom-";

    public static readonly IReadOnlyList<ConsultationResult> BuiltIn =
    [
        ConsultationResult.Approved, ConsultationResult.ApprovedWithChanges, ConsultationResult.Rejected, ConsultationResult.Postponed,
        ConsultationResult.ReferredBack, ConsultationResult.Noted, ConsultationResult.Withdrawn, ConsultationResult.FirstReadingHeld,
        ConsultationResult.TakenOver,
    ];

    public static bool IsDeciding(ConsultationResult r) => r is ConsultationResult.Approved or ConsultationResult.ApprovedWithChanges
        or ConsultationResult.Rejected or ConsultationResult.Withdrawn or ConsultationResult.Noted or ConsultationResult.TakenOver;

    /// <summary>Results that carry a vote count: a vote was taken.</summary>
    public static bool ByVote(ConsultationResult r) => r is ConsultationResult.Approved or ConsultationResult.Rejected or ConsultationResult.ApprovedWithChanges;

    /// <summary>Whether a consultation with this result is deciding: its built-in result, or its own result's flag.</summary>
    public static bool IsDeciding(ConsultationResult? builtIn, bool? customIsDeciding) =>
        builtIn is { } r ? IsDeciding(r) : customIsDeciding == true;

    /// <summary>OParl's <c>authoritative</c>: only the consultation in the role "decision" whose result decides.</summary>
    public static bool IsAuthoritative(ConsultationRole role, ConsultationResult? builtIn, bool? customIsDeciding) =>
        role == ConsultationRole.Decision && IsDeciding(builtIn, customIsDeciding);

    public static string FormValue(ConsultationResult r) => r.ToString();

    public static string FormValue(int customId) => CustomPrefix + customId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads the form's value: "" is no result, a built-in's name, or "custom-" with an id. False when it is none of these.</summary>
    public static bool TryParse(string? value, out ConsultationResult? builtIn, out int? customId)
    {
        builtIn = null;
        customId = null;
        if (string.IsNullOrEmpty(value)) return true;
        if (value.StartsWith(CustomPrefix, StringComparison.Ordinal))
        {
            if (int.TryParse(value.AsSpan(CustomPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                customId = id;
                return true;
            }
            return false;
        }
        if (value.All(char.IsAsciiLetter) && Enum.TryParse<ConsultationResult>(value, out var r) && Enum.IsDefined(r))
        {
            builtIn = r;
            return true;
        }
        return false;
    }
}
