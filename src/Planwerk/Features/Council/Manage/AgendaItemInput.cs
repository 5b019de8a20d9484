using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Planwerk.Features.Council.Manage;

/// <summary>The form of an agenda item, for adding one to a meeting and for editing one; its rules once.</summary>
public sealed class AgendaItemInput
{
    public const int MaxNumberLength = 40;
    public const int MaxResultLength = 1000;

    public string? Number { get; set; }
    public int Order { get; set; }
    public string? Name { get; set; }
    /// <summary>No default here: an unticked box sends nothing, so a default of true would keep every item public.
    /// The blank form ticks it (<see cref="Blank"/>).</summary>
    public bool IsPublic { get; set; }
    public Reading Reading { get; set; }
    public int? PaperId { get; set; }
    public string? Result { get; set; }
    public int Version { get; set; }

    public string TrimmedNumber => Number?.Trim() ?? "";
    public string TrimmedName => Name?.Trim() ?? "";
    public string TrimmedResult => Result?.Trim() ?? "";

    /// <summary>The form for a new item: public, at the given place.</summary>
    public static AgendaItemInput Blank(int order) => new() { Order = order, IsPublic = true };

    public static AgendaItemInput Of(AgendaItem item) => new()
    {
        Number = item.Number, Order = item.Order, Name = item.Name, IsPublic = item.IsPublic, Reading = item.Reading, PaperId = item.PaperId, Result = item.Result, Version = item.Version,
    };

    /// <summary>Adds a message naming the field for each problem; <paramref name="paperIds"/> are the papers one may choose.</summary>
    public void Validate(ModelStateDictionary state, string prefix, IEnumerable<int> paperIds, IStringLocalizer l)
    {
        if (TrimmedNumber.Length > MaxNumberLength) state.AddModelError(prefix + "Number", l["Die Nummer darf höchstens {0} Zeichen lang sein.", MaxNumberLength]);
        if (TrimmedName.Length == 0) state.AddModelError(prefix + "Name", l["Bitte geben Sie den Namen des Tagesordnungspunkts an."]);
        else if (TrimmedName.Length > Paper.MaxNameLength) state.AddModelError(prefix + "Name", l["Der Name darf höchstens {0} Zeichen lang sein.", Paper.MaxNameLength]);
        if (TrimmedResult.Length > MaxResultLength) state.AddModelError(prefix + "Result", l["Das Ergebnis darf höchstens {0} Zeichen lang sein.", MaxResultLength]);
        if (!Enum.IsDefined(Reading)) state.AddModelError(prefix + "Reading", l["Lesung: Bitte wählen Sie aus der Liste."]);
        if (PaperId is int p && !paperIds.Contains(p)) state.AddModelError(prefix + "PaperId", l["Bitte wählen Sie die Vorlage aus der Liste."]);
    }

    public void ApplyTo(AgendaItem item)
    {
        item.Number = TrimmedNumber;
        item.Order = Order;
        item.Name = TrimmedName;
        item.IsPublic = IsPublic;
        item.Reading = Reading;
        item.PaperId = PaperId;
        item.Result = TrimmedResult;
    }
}
