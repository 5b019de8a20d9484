using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Planwerk.Infrastructure.Localization;

/// <summary>The framework's model-binding messages in German; they are keys of SharedResource too,
/// but are set here because the binder reads them before any localizer is asked.</summary>
public static class ValidationMessages
{
    public static void UseGerman(DefaultModelBindingMessageProvider p)
    {
        p.SetAttemptedValueIsInvalidAccessor((value, field) => $"Der Wert „{value}“ ist für {field} nicht gültig.");
        p.SetMissingBindRequiredValueAccessor(field => $"{field} fehlt.");
        p.SetMissingKeyOrValueAccessor(() => "Ein Wert fehlt.");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "Die Anfrage enthält keine Daten.");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Der Wert „{value}“ ist nicht gültig.");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Der angegebene Wert ist nicht gültig.");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "Bitte geben Sie eine Zahl ein.");
        p.SetUnknownValueIsInvalidAccessor(field => $"Der angegebene Wert ist für {field} nicht gültig.");
        p.SetValueIsInvalidAccessor(value => $"Der Wert „{value}“ ist nicht gültig.");
        p.SetValueMustBeANumberAccessor(field => $"{field} muss eine Zahl sein.");
        p.SetValueMustNotBeNullAccessor(value => $"Bitte geben Sie einen Wert für {value} an.");
    }
}
