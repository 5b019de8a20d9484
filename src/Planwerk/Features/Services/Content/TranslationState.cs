namespace Planwerk.Features.Services.Content;

/// <summary>How far one service (with its locations) is translated into one language.</summary>
public sealed record TranslationState(string Language, int Missing, int Outdated)
{
    public bool IsComplete => Missing == 0 && Outdated == 0;

    public static TranslationState Of(TranslationSheet sheet) => new(sheet.Language, sheet.Missing, sheet.Outdated);
}
