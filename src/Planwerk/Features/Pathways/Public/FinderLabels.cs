namespace Planwerk.Features.Pathways.PublicPages;

/// <summary>The finder's questions in the reading language, so a person who chose Arabic, Persian, Ukrainian, Russian or
/// Turkish is asked in it, not only shown the answer in it. German and English (and easy German, whose short German
/// questions need no other words) come from the interface's resource files; so does any language without words here
/// (<see cref="For"/> gives null). Residence situations take the printed directory's words
/// (<see cref="Services.Print.DirectoryLabels"/>).</summary>
public sealed record FinderLabels(
    string Heading,
    string Privacy,
    string Situation,
    string Age,
    string Children,
    string Language,
    string District,
    string NoAnswer,
    string Yes,
    string No,
    string Show,
    string Under,
    string Between,
    string AndOlder)
{
    /// <summary>The words for <paramref name="contentLanguage"/>, or null where the interface's own words serve.</summary>
    public static FinderLabels? For(string contentLanguage) => All.GetValueOrDefault(contentLanguage);

    /// <summary>An age group's name: "under 6", "6 to 17", "65 and older".</summary>
    public string AgeName(AgeGroup group) => group.Maximum is int max
        ? group.Minimum == 0 ? string.Format(Culture, Under, max + 1) : string.Format(Culture, Between, group.Minimum, max)
        : string.Format(Culture, AndOlder, group.Minimum);

    private static readonly System.Globalization.CultureInfo Culture = System.Globalization.CultureInfo.InvariantCulture;

    private static readonly Dictionary<string, FinderLabels> All = new()
    {
        ["ar"] = new("ما الخطوات التي تنطبق عليّ؟",
            "إجاباتك موجودة فقط في عنوان هذه الصفحة. لا يتم حفظ أي شيء: لا حساب، لا ملفات تعريف ارتباط، لا تقييم. جميع الأسئلة اختيارية.",
            "وضع إقامتك", "عمرك", "هل لديك أطفال؟", "بأي لغة تقرأ؟", "حيّك", "بدون إجابة", "نعم", "لا", "اعرض طريقي",
            "أقل من {0} سنوات", "من {0} إلى {1} سنة", "{0} سنة فأكثر"),
        ["fa"] = new("کدام مراحل برای من است؟",
            "پاسخ‌های شما فقط در نشانی این صفحه است. چیزی ذخیره نمی‌شود: نه حساب کاربری، نه کوکی، نه ارزیابی. پاسخ به همه پرسش‌ها اختیاری است.",
            "وضعیت اقامت شما", "سن شما", "آیا فرزند دارید؟", "به چه زبانی می‌خوانید؟", "محله شما", "بدون پاسخ", "بله", "خیر", "مسیر من را نشان بده",
            "کمتر از {0} سال", "{0} تا {1} سال", "{0} سال و بیشتر"),
        ["uk"] = new("Які кроки стосуються мене?",
            "Ваші відповіді є лише в адресі цієї сторінки. Нічого не зберігається: ні облікового запису, ні cookie, ні аналітики. Усі питання необов’язкові.",
            "Ваш статус перебування", "Ваш вік", "Чи маєте ви дітей?", "Якою мовою ви читаєте?", "Ваш район", "без відповіді", "так", "ні", "Показати мій шлях",
            "до {0} років", "від {0} до {1} років", "{0} років і старше"),
        ["ru"] = new("Какие шаги относятся ко мне?",
            "Ваши ответы есть только в адресе этой страницы. Ничего не сохраняется: ни учётной записи, ни cookie, ни аналитики. Все вопросы необязательны.",
            "Ваш статус пребывания", "Ваш возраст", "Есть ли у вас дети?", "На каком языке вы читаете?", "Ваш район", "без ответа", "да", "нет", "Показать мой путь",
            "до {0} лет", "от {0} до {1} лет", "{0} лет и старше"),
        ["tr"] = new("Hangi adımlar benim için geçerli?",
            "Cevaplarınız yalnızca bu sayfanın adresinde. Hiçbir şey kaydedilmez: hesap yok, çerez yok, analiz yok. Tüm sorular isteğe bağlıdır.",
            "Oturum durumunuz", "Yaşınız", "Çocuklarınız var mı?", "Hangi dilde okuyorsunuz?", "Semtiniz", "cevap yok", "evet", "hayır", "Yolumu göster",
            "{0} yaşından küçük", "{0} ile {1} yaş arası", "{0} yaş ve üzeri"),
    };
}
