using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Planwerk.Infrastructure.Editing;

/// <summary><c>&lt;form-field asp-for="Input.Title" label="…" hint="…" /&gt;</c>: a label, an optional
/// hint, the field's error and the input, tied together by ids and <c>aria-describedby</c>, so every
/// field of the manage forms is labelled and explained the same way. The input keeps what the person
/// typed when the form comes back with errors (the framework's generator reads the posted value).</summary>
[HtmlTargetElement("form-field", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormFieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = "";

    public string? Hint { get; set; }

    /// <summary>text, textarea, number, date, time, checkbox or select.</summary>
    public string Type { get; set; } = "text";

    public IEnumerable<SelectListItem>? Items { get; set; }

    public int Rows { get; set; } = 6;

    public bool Required { get; set; }

    /// <summary>The "required" marker after the label, already in the interface language.</summary>
    public string? RequiredText { get; set; }

    public string? Autocomplete { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var fullName = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(fullName, generator.IdAttributeDotReplacement);
        var hintId = id + "-hint";
        var errorId = id + "-error";
        var hasError = ViewContext.ViewData.ModelState.TryGetValue(fullName, out var entry) && entry.Errors.Count > 0;

        var attributes = new Dictionary<string, object?>
        {
            ["aria-describedby"] = Hint is null ? errorId : hintId + " " + errorId,
        };
        if (hasError) attributes["aria-invalid"] = "true";
        if (Required) attributes["aria-required"] = "true";
        if (Autocomplete is not null) attributes["autocomplete"] = Autocomplete;

        var label = Required && RequiredText is not null ? Label + " " + RequiredText : Label;
        var labelTag = generator.GenerateLabel(ViewContext, For.ModelExplorer, For.Name, label, null);
        var hintTag = Hint is null ? null : Paragraph(hintId, Hint);
        var errorTag = generator.GenerateValidationMessage(ViewContext, For.ModelExplorer, For.Name, null, "span",
            new Dictionary<string, object?> { ["class"] = "field-error", ["id"] = errorId });

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Type == "checkbox" ? "field field-checkbox" : "field");

        if (Type == "checkbox")
        {
            attributes["type"] = "checkbox";
            attributes["value"] = "true";
            attributes["id"] = id;
            attributes["name"] = fullName;
            var checkbox = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            checkbox.MergeAttributes(attributes);
            if (IsChecked(fullName)) checkbox.Attributes["checked"] = "checked";
            output.Content.AppendHtml(checkbox).AppendHtml(" ").AppendHtml(labelTag);
            if (hintTag is not null) output.Content.AppendHtml(hintTag);
            output.Content.AppendHtml(errorTag);
            return;
        }

        output.Content.AppendHtml(labelTag);
        if (hintTag is not null) output.Content.AppendHtml(hintTag);
        output.Content.AppendHtml(errorTag);
        // Text may be written right to left (Arabic, Farsi); let the browser follow it.
        if (Type is "text" or "textarea") attributes["dir"] = "auto";
        var input = Type switch
        {
            "textarea" => generator.GenerateTextArea(ViewContext, For.ModelExplorer, For.Name, Rows, 0, attributes),
            "select" => generator.GenerateSelect(ViewContext, For.ModelExplorer, null, For.Name, Items ?? [], allowMultiple: false, attributes),
            "date" => TextBox("date", "{0:yyyy-MM-dd}", attributes),
            "number" => TextBox("number", null, attributes),
            "time" => TextBox("time", null, attributes),
            _ => TextBox("text", null, attributes),
        };
        output.Content.AppendHtml(input);
    }

    private TagBuilder TextBox(string type, string? format, Dictionary<string, object?> attributes)
    {
        attributes["type"] = type;
        if (type == "number") attributes["inputmode"] = "numeric";
        if (type == "date") (attributes["min"], attributes["max"]) = (Time.BerlinTime.DateMin, Time.BerlinTime.DateMax);
        return generator.GenerateTextBox(ViewContext, For.ModelExplorer, For.Name, For.Model, format, attributes);
    }

    private bool IsChecked(string fullName)
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(fullName, out var entry) && entry.AttemptedValue is { } attempted)
            return attempted.Split(',').Contains("true", StringComparer.OrdinalIgnoreCase);
        return For.Model is true;
    }

    private static TagBuilder Paragraph(string id, string text)
    {
        var p = new TagBuilder("p");
        p.Attributes["class"] = "hint";
        p.Attributes["id"] = id;
        p.InnerHtml.Append(text);
        return p;
    }
}
