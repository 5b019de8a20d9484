using System.Net;
using Planwerk.Features.Accounts;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Participation;

namespace Planwerk.Tests.Infrastructure;

/// <summary>Every kind of visitor a permission test can be: no one signed in, a signed-in person without a
/// role, a member of an organisation (invited to a round or not), each role (the counsellor among them) of the route's municipality,
/// and a plan editor or administrator of another municipality.</summary>
public enum Visitor
{
    Anonymous,
    Resident,
    StakeholderMember,
    NotInvitedMember,
    PlanEditor,
    Moderator,
    CouncilClerk,
    Counsellor,
    Administrator,
    OtherPlanEditor,
    OtherAdministrator,
}

/// <summary>Who a page or handler admits, as the policies name them.</summary>
public static class Access
{
    public static readonly Func<Visitor, bool> Everyone = _ => true;
    public static readonly Func<Visitor, bool> SignedIn = v => v != Visitor.Anonymous;
    public static readonly Func<Visitor, bool> PlanTeam = v => v is Visitor.PlanEditor or Visitor.Moderator or Visitor.Administrator;
    public static readonly Func<Visitor, bool> PlanEditor = v => v is Visitor.PlanEditor or Visitor.Administrator;
    public static readonly Func<Visitor, bool> Moderation = v => v is Visitor.Moderator or Visitor.Administrator;
    public static readonly Func<Visitor, bool> CouncilClerk = v => v is Visitor.CouncilClerk or Visitor.Administrator;
    public static readonly Func<Visitor, bool> PathwayEditors = v => v is Visitor.PlanEditor or Visitor.Counsellor or Visitor.Administrator;
    public static readonly Func<Visitor, bool> StakeholderMember = v => v == Visitor.StakeholderMember;
    public static readonly Func<Visitor, bool> Nobody = _ => false;
}

/// <summary>One row of a permission matrix: a GET or a POST (with a valid antiforgery token), whom it admits,
/// the answer an admitted visitor gets, and the answer of a refusal (null: the policy's redirect to the
/// sign-in page for anonymous visitors and to the access-denied page for everyone else).</summary>
public sealed record PermissionCheck(HttpMethod Method, string Url, Func<Visitor, bool> Allowed, HttpStatusCode Success,
    IReadOnlyDictionary<string, string>? Fields = null, HttpStatusCode? Refusal = null)
{
    public static PermissionCheck Get(string url, Func<Visitor, bool> allowed, HttpStatusCode success = HttpStatusCode.OK, HttpStatusCode? refusal = null) =>
        new(HttpMethod.Get, url, allowed, success, null, refusal);

    public static PermissionCheck Post(string url, Func<Visitor, bool> allowed, Dictionary<string, string>? fields = null,
        HttpStatusCode success = HttpStatusCode.Redirect, HttpStatusCode? refusal = null) =>
        new(HttpMethod.Post, url, allowed, success, fields ?? [], refusal);
}

/// <summary>The shared part of every area's permission test: a client for each kind of visitor, and the
/// run of a list of pages and handlers, each answered as its row expects for that visitor.</summary>
public static class PermissionMatrix
{
    /// <summary>Every visitor, for <c>[MemberData]</c>; <paramref name="only"/> narrows it to the kinds an area distinguishes.</summary>
    public static TheoryData<Visitor> Visitors(params Visitor[] only) => new(only.Length > 0 ? only : Enum.GetValues<Visitor>());

    /// <summary>A client signed in as <paramref name="visitor"/>. A stakeholder member joins
    /// <paramref name="stakeholderId"/> (a new organisation when none is given); a member who was not
    /// invited joins <paramref name="notInvitedStakeholderId"/>.</summary>
    public static async Task<HttpClient> ClientAsync(PlanwerkApp app, TestMunicipality m, Visitor visitor, int? stakeholderId = null, int? notInvitedStakeholderId = null)
    {
        switch (visitor)
        {
            case Visitor.Anonymous:
                return app.CreateBrowserlikeClient();
            case Visitor.Resident:
                return await app.SignInAsync((await app.CreateUserAsync()).Email!);
            case Visitor.StakeholderMember:
            case Visitor.NotInvitedMember:
                var organisation = visitor == Visitor.StakeholderMember ? stakeholderId : notInvitedStakeholderId;
                var member = await app.CreateUserAsync();
                await m.AddStakeholderMemberAsync(organisation ?? await m.AddStakeholderAsync(), member.Id);
                return await app.SignInAsync(member.Email!);
            case Visitor.PlanEditor:
                return await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
            case Visitor.Moderator:
                return await m.SignedInClientAsync(MunicipalityRole.Moderator);
            case Visitor.CouncilClerk:
                return await m.SignedInClientAsync(MunicipalityRole.CouncilClerk);
            case Visitor.Counsellor:
                return await m.SignedInClientAsync(MunicipalityRole.Counsellor);
            case Visitor.Administrator:
                return await m.SignedInClientAsync(MunicipalityRole.Administrator);
            case Visitor.OtherPlanEditor:
                return await (await app.CreateMunicipalityAsync()).SignedInClientAsync(MunicipalityRole.PlanEditor);
            default:
                return await (await app.CreateMunicipalityAsync()).SignedInClientAsync(MunicipalityRole.Administrator);
        }
    }

    /// <summary>Sends every row in order with <paramref name="client"/> and checks each answer;
    /// <paramref name="context"/> (a round's state, say) prefixes the messages.</summary>
    public static async Task AssertAsync(HttpClient client, Visitor visitor, IEnumerable<PermissionCheck> checks, string context = "")
    {
        string? token = null;
        foreach (var check in checks)
        {
            HttpResponseMessage response;
            if (check.Method == HttpMethod.Get)
            {
                response = await client.GetAsync(check.Url);
            }
            else
            {
                token ??= await client.AntiforgeryTokenAsync();
                response = await client.PostWithTokenAsync(check.Url, token, check.Fields!.ToDictionary());
            }
            AssertAnswer(visitor, check.Allowed(visitor), response, $"{context}{check.Method} {check.Url}", check.Success, check.Refusal);
        }
    }

    public static void AssertAnswer(Visitor visitor, bool allowed, HttpResponseMessage response, string what, HttpStatusCode success, HttpStatusCode? refusal = null)
    {
        if (allowed)
        {
            Assert.True(response.StatusCode == success, $"{visitor}: {what} answered {(int)response.StatusCode}, expected {(int)success}");
            return;
        }
        if (refusal is { } status)
        {
            Assert.True(response.StatusCode == status, $"{visitor}: {what} answered {(int)response.StatusCode}, expected {(int)status}");
            return;
        }
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{visitor}: {what} answered {(int)response.StatusCode}, expected a refusal");
        var expected = visitor == Visitor.Anonymous ? "/account/login" : "/account/access-denied";
        Assert.True(response.RedirectTarget().StartsWith(expected, StringComparison.Ordinal), $"{visitor}: {what} was sent to {response.RedirectTarget()}, expected {expected}");
    }
}
