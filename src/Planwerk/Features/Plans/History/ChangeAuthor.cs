using System.Security.Claims;
using Planwerk.Data;

namespace Planwerk.Features.Plans.History;

/// <summary>Who makes the changes of this request, and why. Scoped: filled from the signed-in user by
/// <see cref="ChangeAuthorMiddleware.UseChangeAuthor"/>; an edit page sets <see cref="Reason"/> from its
/// "Grund der Änderung" field before saving. The display name is read from the database only when
/// something is recorded.</summary>
public sealed class ChangeAuthor
{
    public string? UserId { get; set; }
    /// <summary>Null until looked up (or when nobody is signed in).</summary>
    public string? UserName { get; set; }
    public string Reason { get; set; } = "";

    /// <summary>Sets the reason given in a form: trimmed, empty when none.</summary>
    public void Because(string? reason) => Reason = reason?.Trim() ?? "";
}

public static class ChangeAuthorMiddleware
{
    /// <summary>After authentication: the request's context records changes in the signed-in user's name.</summary>
    public static IApplicationBuilder UseChangeAuthor(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            var author = context.RequestServices.GetRequiredService<ChangeAuthor>();
            author.UserId = userId;
            context.RequestServices.GetRequiredService<PlanwerkDbContext>().Author = author;
        }
        await next(context);
    });
}
