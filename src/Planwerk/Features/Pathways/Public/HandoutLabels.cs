namespace Planwerk.Features.Pathways.PublicPages;

/// <summary>The handout's own words (the print view and the PDF) in the reading language, so an Arabic handout is Arabic
/// throughout; the interface's resource files hold German and English only. Residence situations, addresses and hours
/// take the printed directory's words (<see cref="Services.Print.DirectoryLabels"/>). A language without words here is
/// labelled in German or English; easy German takes the German words, which are short already.</summary>
public sealed record HandoutLabels(
    string Language,
    string Title,
    string Answers,
    string Situation,
    string Age,
    string Children,
    string Yes,
    string No,
    string District,
    string WhatToDo,
    string Why,
    string Documents,
    string Deadlines,
    string WaitingTime,
    string Tips,
    string Where,
    string NoneInLanguage,
    string Measures,
    string Online,
    string NotStored,
    string NoResult,
    string Print)
{
    public static HandoutLabels For(string contentLanguage, string interfaceLanguage) =>
        All.TryGetValue(contentLanguage == PathwayTexts.EasyGerman ? "de" : contentLanguage, out var labels) ? labels : interfaceLanguage == "en" ? All["en"] : All["de"];

    private static readonly Dictionary<string, HandoutLabels> All = new()
    {
        ["de"] = new("de", "Mein Weg", "Meine Antworten", "Aufenthalt", "Alter", "Kinder", "ja", "nein", "Stadtteil",
            "Was ist zu tun?", "Warum?", "Mitbringen", "Fristen", "Wartezeit", "Tipps", "Wo?",
            "Keines dieser Angebote nennt Ihre Sprache. Fragen Sie dort nach einer Übersetzung.",
            "Das will die Stadt hier verbessern", "Diese Seite im Netz", "Ihre Antworten stehen nur in der Adresse. Nichts wurde gespeichert.",
            "Zu diesen Antworten gibt es noch keinen Weg.", "Drucken"),
        ["en"] = new("en", "My way", "My answers", "Residence", "Age", "Children", "yes", "no", "District",
            "What to do", "Why", "What to bring", "Deadlines", "Waiting time", "Tips", "Where",
            "None of these services names your language. Ask there for an interpreter.",
            "What the city wants to improve here", "This page online", "Your answers are only in the address. Nothing was stored.",
            "There is no pathway for these answers yet.", "Print"),
        ["ar"] = new("ar", "طريقي", "إجاباتي", "الإقامة", "العمر", "أطفال", "نعم", "لا", "الحي",
            "ماذا أفعل؟", "لماذا؟", "ما يجب إحضاره", "المواعيد النهائية", "مدة الانتظار", "نصائح", "أين؟",
            "لا تذكر أي من هذه الخدمات لغتك. اسأل هناك عن مترجم.",
            "ما تريد المدينة تحسينه هنا", "هذه الصفحة على الإنترنت", "إجاباتك موجودة في العنوان فقط. لم يتم حفظ أي شيء.",
            "لا يوجد طريق لهذه الإجابات بعد.", "طباعة"),
        ["fa"] = new("fa", "مسیر من", "پاسخ‌های من", "اقامت", "سن", "فرزندان", "بله", "خیر", "محله",
            "چه باید کرد؟", "چرا؟", "همراه داشته باشید", "مهلت‌ها", "زمان انتظار", "نکته‌ها", "کجا؟",
            "هیچ‌یک از این خدمات زبان شما را ذکر نکرده است. آنجا درباره مترجم بپرسید.",
            "آنچه شهر می‌خواهد اینجا بهتر کند", "این صفحه در اینترنت", "پاسخ‌های شما فقط در نشانی است. چیزی ذخیره نشد.",
            "هنوز مسیری برای این پاسخ‌ها وجود ندارد.", "چاپ"),
        ["uk"] = new("uk", "Мій шлях", "Мої відповіді", "Перебування", "Вік", "Діти", "так", "ні", "Район",
            "Що робити?", "Чому?", "Що взяти з собою", "Строки", "Час очікування", "Поради", "Де?",
            "Жодна з цих служб не вказує вашу мову. Запитайте там про перекладача.",
            "Що місто хоче тут покращити", "Ця сторінка в інтернеті", "Ваші відповіді є лише в адресі. Нічого не збережено.",
            "Для цих відповідей ще немає шляху.", "Друкувати"),
        ["ru"] = new("ru", "Мой путь", "Мои ответы", "Пребывание", "Возраст", "Дети", "да", "нет", "Район",
            "Что делать?", "Зачем?", "Что взять с собой", "Сроки", "Время ожидания", "Советы", "Где?",
            "Ни одна из этих служб не указывает ваш язык. Спросите там о переводчике.",
            "Что город хочет здесь улучшить", "Эта страница в интернете", "Ваши ответы есть только в адресе. Ничего не сохранено.",
            "Для этих ответов пока нет пути.", "Печать"),
        ["tr"] = new("tr", "Yolum", "Cevaplarım", "Oturum durumu", "Yaş", "Çocuklar", "evet", "hayır", "Semt",
            "Ne yapmalı?", "Neden?", "Yanınızda getirin", "Süreler", "Bekleme süresi", "İpuçları", "Nerede?",
            "Bu hizmetlerin hiçbiri dilinizi belirtmiyor. Orada tercüman sorun.",
            "Şehrin burada iyileştirmek istedikleri", "Bu sayfa internette", "Cevaplarınız yalnızca adreste. Hiçbir şey kaydedilmedi.",
            "Bu cevaplar için henüz bir yol yok.", "Yazdır"),
    };
}
