using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Planwerk.Infrastructure.Editing;

namespace Planwerk.Features.Services.Content;

/// <summary>A topic as the add form and the edit form hold it: checked and written in one place. The code is given when
/// the topic is added (in lower case) and stays (it is the topic's id in filters and the open data).</summary>
public sealed partial class TopicInput
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    /// <summary>The topic it belongs under; null for a topic of the first level.</summary>
    public int? ParentId { get; set; }
    public int Version { get; set; }

    public static TopicInput From(ServiceTopic t) => new() { Code = t.Code, Name = t.Name, Description = t.Description, ParentId = t.ParentId, Version = t.Version };

    /// <summary>Adds a message at each wrong field. <paramref name="topics"/> is the whole list (id, code, parent);
    /// <paramref name="self"/> the topic edited (null when adding), which may not go under itself or its sub-topics.</summary>
    public void Validate(ModelStateDictionary state, string prefix, IStringLocalizer l, IReadOnlyList<(int Id, string Code, int? ParentId)> topics, int? self)
    {
        if (self is null)
        {
            var code = Code?.Trim().ToLowerInvariant() ?? "";
            if (code.Length == 0) state.AddModelError(prefix + nameof(Code), l["Kürzel: Bitte geben Sie ein Kürzel an (z. B. „wohnen-beratung“)."]);
            else if (code.Length > ServiceTopic.MaxCodeLength || !CodePattern().IsMatch(code))
                state.AddModelError(prefix + nameof(Code), l["Kürzel: Bitte nur Kleinbuchstaben a–z, Ziffern und Bindestriche, höchstens {0} Zeichen.", ServiceTopic.MaxCodeLength]);
            else if (topics.Any(t => string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase)))
                state.AddModelError(prefix + nameof(Code), l["Kürzel: „{0}“ hat schon ein anderes Thema.", code]);
        }
        var name = Name?.Trim() ?? "";
        if (name.Length == 0) state.AddModelError(prefix + nameof(Name), l["Name: Bitte geben Sie einen Namen an."]);
        else if (name.Length > ServiceTopic.MaxNameLength) state.AddModelError(prefix + nameof(Name), l["Name: höchstens {0} Zeichen (jetzt {1}).", ServiceTopic.MaxNameLength, name.Length]);
        var description = Description?.Trim() ?? "";
        if (description.Length > HelpService.MaxTextLength)
            state.AddModelError(prefix + nameof(Description), l["Beschreibung: höchstens {0} Zeichen (jetzt {1}).", HelpService.MaxTextLength, description.Length]);
        if (ParentId is { } parent)
        {
            if (topics.All(t => t.Id != parent)) state.AddModelError(prefix + nameof(ParentId), l["Gehört zu: Dieses Thema gibt es nicht (mehr)."]);
            else if (self is { } id && DescendantsAndSelf(topics, id).Contains(parent))
                state.AddModelError(prefix + nameof(ParentId), l["Gehört zu: Ein Thema kann nicht unter sich selbst oder eines seiner Unterthemen rücken."]);
        }
    }

    public void ApplyTo(ServiceTopic t)
    {
        t.Name = Name?.Trim() ?? "";
        t.Description = (Description ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        t.ParentId = ParentId;
    }

    public static HashSet<int> DescendantsAndSelf(IReadOnlyList<(int Id, string Code, int? ParentId)> topics, int id)
    {
        var found = new HashSet<int> { id };
        var added = true;
        while (added)
        {
            added = false;
            foreach (var t in topics)
            {
                if (t.ParentId is { } p && found.Contains(p) && found.Add(t.Id)) added = true;
            }
        }
        return found;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex CodePattern();
}
