using Microsoft.AspNetCore.Mvc.Rendering;

namespace Planwerk.Features.Services.Content;

/// <summary>What the topic fields show: the input, whether it is a new topic (with its code) and the topics it may go under.</summary>
public sealed class TopicFieldsView(TopicInput input, bool isNew, IEnumerable<SelectListItem> parents)
{
    public TopicInput Input { get; } = input;
    public bool IsNew { get; } = isNew;
    public IEnumerable<SelectListItem> Parents { get; } = parents;

    /// <summary>"(first level)" and every topic, indented by depth, except <paramref name="excluded"/>.</summary>
    public static IEnumerable<SelectListItem> ParentChoices(TopicTree tree, string firstLevel, ISet<int> excluded) =>
        new[] { new SelectListItem(firstLevel, "") }.Concat(tree.Flatten().Where(x => !excluded.Contains(x.Node.Id))
            .Select(x => new SelectListItem(new string('\u00a0', x.Depth * 3) + x.Node.Name + " (" + x.Node.Code + ")", x.Node.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
}
