using System.Net;
using Planwerk.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Accounts;

/// <summary>Every new password is checked against the list of common passwords shipped with Planwerk:
/// registration, reset, change and create-admin.</summary>
public abstract class CommonPasswordTests(MailingApp app)
{
    private const string Refusal = "Dieses Passwort ist zu verbreitet und wird bei Angriffen zuerst ausprobiert. Bitte wählen Sie ein anderes, z. B. einen Satz aus mehreren Wörtern.";

    [Theory]
    [InlineData("Password12")]
    [InlineData("Passwort123")]
    [InlineData("Sommer2024!")]
    [InlineData("Qwertz12345")]
    public async Task Registration_refuses_a_common_password_with_a_clear_message_and_creates_no_account(string password)
    {
        var email = $"schwach-{Guid.NewGuid():N}@example.org";

        var response = await app.CreateBrowserlikeClient().SubmitFormAsync("/account/register", new Dictionary<string, string?>
        {
            ["Input.DisplayName"] = HostileText.Script,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
            ["Input.Consent"] = "true",
        }, "#register-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Refusal, (await HtmlForms.ParseAsync(response)).Errors());
        Assert.Empty(app.Smtp.MessagesTo(email));
    }

    [Fact]
    public async Task Reset_and_change_refuse_a_common_password_and_keep_the_old_one()
    {
        var user = await app.CreateUserAsync();
        var client = app.CreateBrowserlikeClient();
        await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string?> { ["Input.Email"] = user.Email });
        var link = AccountTestSupport.PasswordLink(await app.Smtp.WaitForMessageToAsync(user.Email!));

        var reset = await client.SubmitFormAsync(link, new Dictionary<string, string?>
        {
            ["Input.Password"] = "Password12",
            ["Input.ConfirmPassword"] = "Password12",
        });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains(Refusal, (await HtmlForms.ParseAsync(reset)).Errors());

        var signedIn = await app.SignInAsync(user.Email!);
        var change = await signedIn.SubmitFormAsync("/account/change-password", new Dictionary<string, string?>
        {
            ["Input.CurrentPassword"] = PlanwerkApp.Password,
            ["Input.Password"] = "Passwort123",
            ["Input.ConfirmPassword"] = "Passwort123",
        });
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Contains(Refusal, (await HtmlForms.ParseAsync(change)).Errors());
        await app.SignInAsync(user.Email!);
    }

    [Fact]
    public async Task Create_admin_refuses_a_common_password_and_creates_nothing()
    {
        var slug = "c" + Guid.NewGuid().ToString("N")[..10];

        var outcome = await AdminCommands.CreateAdministratorAsync(app.Services, slug, "Schwachstadt", $"admin-{Guid.NewGuid():N}@example.org", "IT", "Password12");

        Assert.False(outcome.Succeeded);
        Assert.Contains(Refusal, outcome.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Drei-Worte-Fuer-Dresden-7")]
    [InlineData("Kaffeetasse-am-Elbufer-2026")]
    public void A_long_uncommon_password_passes(string password) =>
        Assert.False(Planwerk.Infrastructure.Security.CommonPasswordValidator.IsCommon(password));
}

public sealed class CommonPasswordSqliteTests(MailingSqliteApp app) : CommonPasswordTests(app), IClassFixture<MailingSqliteApp>;

public sealed class CommonPasswordPostgresTests(MailingPostgresApp app) : CommonPasswordTests(app), IClassFixture<MailingPostgresApp>;
