using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Fa;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Tr;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace Planwerk.Features.Services.Directory;

/// <summary>Turns text into the words the help-service search compares: Lucene's analyzers per language (tokenising by
/// Unicode word boundaries, lower case, the language's normalisation and stemmer), so "Beratungen" and "Beratung" give the
/// same word, and "Kinder" and "Kind". German uses the light stemmer after German normalisation (ä to a, ß to ss);
/// English Porter; Arabic Lucene's Arabic normalisation and light stemmer; Persian the Arabic and Persian normalisation
/// (Lucene has no Persian stemmer); Russian the light stemmer; Turkish its lower case and the Snowball stemmer. Other
/// languages (Ukrainian among them: Lucene 4.8 has no analyzer for it) are only lower-cased and accent-folded.
/// <para>Analyzers are thread-safe (each thread reuses its own token stream), so one instance per language serves all.</para></summary>
public static class SearchAnalysis
{
    private static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The longest text analysed per field; texts are capped at 4,000 characters by the model anyway.</summary>
    private const int MaxTextLength = 8000;

    private static readonly Analyzer German = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, source);
        stream = new GermanNormalizationFilter(stream);
        stream = new GermanLightStemFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(source, stream);
    });

    private static readonly Analyzer English = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, source);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    });

    private static readonly Analyzer Arabic = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, source);
        stream = new ArabicNormalizationFilter(stream);
        stream = new ArabicStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    });

    private static readonly Analyzer Persian = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, source);
        stream = new ArabicNormalizationFilter(stream);
        stream = new PersianNormalizationFilter(stream);
        return new TokenStreamComponents(source, stream);
    });

    private static readonly Analyzer Russian = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, source);
        stream = new RussianLightStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    });

    private static readonly Analyzer Turkish = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new ApostropheFilter(source);
        stream = new TurkishLowerCaseFilter(stream);
        stream = new SnowballFilter(stream, new TurkishStemmer());
        return new TokenStreamComponents(source, stream);
    });

    private static readonly Analyzer Folding = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, source);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(source, stream);
    });

    private static readonly Analyzer Plain = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        return new TokenStreamComponents(source, source);
    });

    /// <summary>Every analyzer a query word is put through: a reader may search in any language, whatever the page's.</summary>
    private static readonly Analyzer[] All = [German, English, Arabic, Persian, Russian, Turkish, Folding];

    /// <summary>Words so common that a query ignores them ("für", "und", "the", "في"), unless it has nothing else.</summary>
    private static readonly CharArraySet[] StopWords =
    [
        GermanAnalyzer.DefaultStopSet, EnglishAnalyzer.DefaultStopSet, ArabicAnalyzer.DefaultStopSet,
        PersianAnalyzer.DefaultStopSet, RussianAnalyzer.DefaultStopSet, TurkishAnalyzer.DefaultStopSet,
    ];

    /// <summary>The analyzer for texts written in a content language.</summary>
    public static Analyzer For(string language) => language switch
    {
        "de" => German,
        "en" => English,
        "ar" => Arabic,
        "fa" or "prs" => Persian,
        "ru" => Russian,
        "tr" => Turkish,
        _ => Folding,
    };

    /// <summary>The words of a text written in <paramref name="language"/>, as stored in the search text.</summary>
    public static IEnumerable<string> Words(string? text, string language) => Tokens(For(language), text);

    /// <summary>The words of a query, each with the forms it can take in the analysed languages (its stem in German,
    /// in English, ...), distinct. Stop words are left out unless the query has nothing else; at most
    /// <paramref name="maxWords"/> words.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> QueryWords(string? query, int maxWords)
    {
        var raw = Tokens(Plain, query).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var meaningful = raw.Where(w => !StopWords.Any(s => s.Contains(w.ToLowerInvariant()))).ToList();
        var words = (meaningful.Count > 0 ? meaningful : raw).Take(maxWords);
        var result = new List<IReadOnlyList<string>>();
        foreach (var word in words)
        {
            var forms = All.SelectMany(a => Tokens(a, word)).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            if (forms.Count > 0) result.Add(forms);
        }
        return result;
    }

    private static IEnumerable<string> Tokens(Analyzer analyzer, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) yield break;
        if (text.Length > MaxTextLength) text = text[..MaxTextLength];
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var tokens = new List<string>();
        while (stream.IncrementToken()) tokens.Add(term.ToString());
        stream.End();
        foreach (var t in tokens) yield return t;
    }
}
