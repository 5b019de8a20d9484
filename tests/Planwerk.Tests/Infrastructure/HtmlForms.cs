using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Planwerk.Tests.Infrastructure;

/// <summary>Reads pages as a browser would and submits their real forms (with the antiforgery
/// token and every field the form carries), so tests go through the same path as people do.</summary>
public static class HtmlForms
{
    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(r => r.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/"));
        return (IHtmlDocument)document;
    }

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    /// <summary>Finds the form (by CSS selector, default the first form inside main), sets the given
    /// fields, and posts it as the browser would. Fields not named keep the values the page gave them.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl, IDictionary<string, string?> values, string formSelector = "main form", string? submitName = null, string? submitValue = null)
    {
        var document = await client.GetDocumentAsync(pageUrl);
        return await client.SubmitFormAsync(document, pageUrl, values, formSelector, submitName, submitValue);
    }

    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, IHtmlDocument document, string pageUrl, IDictionary<string, string?> values, string formSelector = "main form", string? submitName = null, string? submitValue = null)
    {
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}");
        var fields = CollectFields(form);
        foreach (var (name, value) in values)
        {
            var known = fields.Any(f => f.Key == name);
            if (!known && form.Elements.All(e => (e as IHtmlInputElement)?.Name != name && (e as IHtmlTextAreaElement)?.Name != name && (e as IHtmlSelectElement)?.Name != name))
                throw new InvalidOperationException($"The form on {pageUrl} has no field '{name}'.");
            fields.RemoveAll(f => f.Key == name);
            if (value is not null)
            {
                foreach (var part in value.Split('\u001f')) fields.Add(new(name, part));
            }
        }
        if (submitName is not null) fields.Add(new(submitName, submitValue ?? ""));

        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        var method = (form.GetAttribute("method") ?? "get").ToUpperInvariant();
        if (method == "GET")
        {
            var query = string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
            return await client.GetAsync(target.Split('?')[0] + "?" + query);
        }
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    /// <summary>Several values for one field (checkboxes, multi-selects).</summary>
    public static string Many(params string[] values) => string.Join('\u001f', values);

    private static List<KeyValuePair<string, string>> CollectFields(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    var type = input.Type.ToLowerInvariant();
                    if (type is "submit" or "button" or "image" or "reset" or "file") break;
                    if (type is "checkbox" or "radio" && !input.IsChecked) break;
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    foreach (var option in select.Options.Where(o => o.IsSelected)) fields.Add(new(select.Name!, option.Value));
                    break;
            }
        }
        return fields;
    }

    /// <summary>The texts of the error summary and field errors on a page that refused a form.</summary>
    public static IReadOnlyList<string> Errors(this IDocument document) =>
        document.QuerySelectorAll(".error-summary li, .field-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
}

public static class SignIn
{
    /// <summary>Signs in through the real login form and returns a client that carries the cookie.</summary>
    public static async Task<HttpClient> SignInAsync(this PlanwerkApp app, string email, string password = PlanwerkApp.Password)
    {
        var client = app.CreateBrowserlikeClient();
        var response = await client.SubmitFormAsync("/account/login", new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {email} failed: {(int)response.StatusCode}");
        return client;
    }
}
