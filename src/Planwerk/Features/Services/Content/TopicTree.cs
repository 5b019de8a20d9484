using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Services.Content;

/// <summary>The municipality's topic list as a tree, read in one query, with or without each topic's number of services.</summary>
public sealed class TopicTree
{
    public sealed record Node(int Id, string Code, string Name, string Description, int? ParentId, int Position, int Services, int Version)
    {
        public List<Node> Children { get; } = [];
    }

    public IReadOnlyList<Node> Roots { get; }

    public IReadOnlyList<Node> All { get; }

    private TopicTree(List<Node> all)
    {
        All = all;
        var byId = all.ToDictionary(n => n.Id);
        var roots = new List<Node>();
        foreach (var node in all.OrderBy(n => n.Position).ThenBy(n => n.Name, StringComparer.Ordinal).ThenBy(n => n.Id))
        {
            if (node.ParentId is { } p && byId.TryGetValue(p, out var parent)) parent.Children.Add(node);
            else roots.Add(node);
        }
        Roots = roots;
    }

    /// <summary>The tree with each topic's number of services: for the plan team's topic pages.</summary>
    public static async Task<TopicTree> LoadAsync(PlanwerkDbContext db, CancellationToken ct) => new(await db.ServiceTopics.AsNoTracking()
        .Select(t => new Node(t.Id, t.Code, t.Name, t.Description, t.ParentId, t.Position, t.Services.Count, t.Version)).ToListAsync(ct));

    /// <summary>The tree without the numbers of services (<see cref="Node.Services"/> is 0): for choosing a topic on
    /// public pages. Counting walks every service's topics (with 10,000 services, two thirds of the directory page's
    /// time), and those pages do not show the numbers.</summary>
    public static async Task<TopicTree> LoadShapeAsync(PlanwerkDbContext db, CancellationToken ct) => new(await db.ServiceTopics.AsNoTracking()
        .Select(t => new Node(t.Id, t.Code, t.Name, t.Description, t.ParentId, t.Position, 0, t.Version)).ToListAsync(ct));

    /// <summary>Depth-first, each topic with its depth (0 for the first level): for choosing a parent.</summary>
    public IEnumerable<(Node Node, int Depth)> Flatten()
    {
        IEnumerable<(Node, int)> Walk(IEnumerable<Node> nodes, int depth) => nodes.SelectMany(n => new[] { (n, depth) }.Concat(Walk(n.Children, depth + 1)));
        return Walk(Roots, 0);
    }

    public IReadOnlyList<(int Id, string Code, int? ParentId)> Links() => All.Select(n => (n.Id, n.Code, n.ParentId)).ToList();
}
