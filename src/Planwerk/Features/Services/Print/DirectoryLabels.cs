namespace Planwerk.Features.Services.Print;

/// <summary>The printed directory's own words (headings, labels, who may use a service) in the language of its
/// content, so that an Arabic directory is Arabic throughout and not Arabic texts under German labels. The interface's
/// resource files hold German and English only; these few words are kept here for the default content languages.
/// A content language without them is labelled in the interface language (<see cref="Language"/> says which).</summary>
public sealed record DirectoryLabels(
    string Language,
    string Title,
    string ByTopic,
    string ByDistrict,
    string WithoutTopic,
    string CityWide,
    string Address,
    string OpeningHours,
    string PhoneHours,
    string DifferentHours,
    string Closed,
    string Phone,
    string PhoneLanguages,
    string LanguagesOffered,
    string WhoMayUse,
    string Free,
    string Costs,
    string TemporarilyClosed,
    string NotTranslated,
    string AsOf,
    string Page,
    string Services,
    string Empty,
    string Age,
    string Pdf,
    string LanguagesNav,
    string Contents,
    string[] Residence)
{
    /// <summary>Text of "Seite {0} von {1}"/"Page {0} of {1}" with the numbers filled in.</summary>
    public string PageOf(int page, int pages) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Page, page, pages);

    public string AgeRange(int? minimum, int? maximum) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Age,
        minimum?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0",
        maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…");

    /// <summary>The residence situations a service admits, in the order of <see cref="ResidenceSituations"/>; "everybody"
    /// when it admits all.</summary>
    public IReadOnlyList<string> Audience(ResidenceSituations audience)
    {
        if ((audience & ResidenceSituations.Everybody) == ResidenceSituations.Everybody) return [Residence[6]];
        var flags = new[] { ResidenceSituations.AsylumSeekers, ResidenceSituations.ToleratedPersons, ResidenceSituations.RecognisedRefugees,
            ResidenceSituations.TemporaryProtection, ResidenceSituations.EuCitizens, ResidenceSituations.OtherMigrants };
        return flags.Select((flag, i) => (flag, i)).Where(f => audience.HasFlag(f.flag)).Select(f => Residence[f.i]).ToList();
    }

    /// <summary>The labels for the content language, or for the interface language (German or English) when there are none.</summary>
    public static DirectoryLabels For(string contentLanguage, string interfaceLanguage) =>
        All.TryGetValue(contentLanguage, out var labels) ? labels : interfaceLanguage == "en" ? All["en"] : All["de"];

    public static bool Has(string language) => All.ContainsKey(language);

    private static readonly Dictionary<string, DirectoryLabels> All = new()
    {
        ["de"] = new("de", "Verzeichnis der Hilfeangebote", "nach Thema", "nach Stadtteil", "Weitere Angebote", "Stadtweit, telefonisch und online",
            "Adresse", "Öffnungszeiten", "Erreichbarkeit", "Abweichende Zeiten", "geschlossen", "Telefon", "Sprachen am Telefon",
            "Angebot in den Sprachen", "Für wen", "kostenlos", "Kosten", "Vorübergehend geschlossen", "noch nicht übersetzt, deutscher Text",
            "Stand", "Seite {0} von {1}", "Angebote", "Keine Angebote.", "Alter {0} bis {1}",
            "Als PDF herunterladen", "Sprachen", "Inhalt",
            ["Asylsuchende", "Geduldete", "Anerkannte Geflüchtete", "Vorübergehender Schutz (§ 24 AufenthG)", "EU-Bürgerinnen und -Bürger", "Andere Zugewanderte", "Alle"]),
        ["en"] = new("en", "Directory of help services", "by topic", "by district", "Other services", "City-wide, by phone and online",
            "Address", "Opening hours", "Reachable", "Different hours", "closed", "Phone", "Languages on the phone",
            "Offered in", "Who may use it", "free of charge", "Costs", "Temporarily closed", "not yet translated, German text",
            "As of", "Page {0} of {1}", "services", "No services.", "Age {0} to {1}",
            "Download as PDF", "Languages", "Contents",
            ["Asylum seekers", "Tolerated persons", "Recognised refugees", "Temporary protection (§ 24 AufenthG)", "EU citizens", "Other migrants", "Everybody"]),
        ["ar"] = new("ar", "دليل خدمات المساعدة", "حسب الموضوع", "حسب الحي", "خدمات أخرى", "على مستوى المدينة، عبر الهاتف والإنترنت",
            "العنوان", "أوقات الدوام", "أوقات التواصل", "أوقات مختلفة", "مغلق", "الهاتف", "لغات الهاتف",
            "اللغات المتاحة", "لمن", "مجاني", "التكاليف", "مغلق مؤقتًا", "لم تُترجم بعد، النص الألماني",
            "حتى تاريخ", "الصفحة {0} من {1}", "خدمات", "لا توجد خدمات.", "العمر من {0} إلى {1}",
            "تنزيل بصيغة PDF", "اللغات", "المحتويات",
            ["طالبو اللجوء", "الحاصلون على إقامة تسامح (دولدونغ)", "اللاجئون المعترف بهم", "الحماية المؤقتة (المادة 24 من قانون الإقامة)", "مواطنو الاتحاد الأوروبي", "مهاجرون آخرون", "الجميع"]),
        ["fa"] = new("fa", "فهرست خدمات کمکی", "بر اساس موضوع", "بر اساس محله", "خدمات دیگر", "در سراسر شهر، تلفنی و آنلاین",
            "نشانی", "ساعات کار", "ساعات تماس", "ساعات متفاوت", "تعطیل", "تلفن", "زبان‌های تلفن",
            "زبان‌های ارائه", "برای چه کسانی", "رایگان", "هزینه", "موقتاً تعطیل", "هنوز ترجمه نشده، متن آلمانی",
            "تاریخ", "صفحه {0} از {1}", "خدمات", "خدمتی وجود ندارد.", "سن {0} تا {1}",
            "دانلود به صورت PDF", "زبان‌ها", "فهرست",
            ["پناهجویان", "دارندگان دولدونگ (تحمل اقامت)", "پناهندگان پذیرفته‌شده", "حمایت موقت (ماده ۲۴ قانون اقامت)", "شهروندان اتحادیه اروپا", "دیگر مهاجران", "همه"]),
        ["uk"] = new("uk", "Довідник служб допомоги", "за темами", "за районами", "Інші послуги", "По всьому місту, телефоном і онлайн",
            "Адреса", "Години роботи", "Доступність", "Змінені години", "зачинено", "Телефон", "Мови телефоном",
            "Мови послуги", "Для кого", "безкоштовно", "Вартість", "Тимчасово зачинено", "ще не перекладено, німецький текст",
            "Станом на", "Сторінка {0} з {1}", "послуги", "Немає послуг.", "Вік від {0} до {1}",
            "Завантажити PDF", "Мови", "Зміст",
            ["Шукачі притулку", "Особи з толерантністю (Duldung)", "Визнані біженці", "Тимчасовий захист (§ 24 AufenthG)", "Громадяни ЄС", "Інші мігранти", "Усі"]),
        ["ru"] = new("ru", "Справочник служб помощи", "по темам", "по районам", "Другие услуги", "По всему городу, по телефону и онлайн",
            "Адрес", "Часы работы", "Доступность", "Изменённые часы", "закрыто", "Телефон", "Языки по телефону",
            "Языки услуги", "Для кого", "бесплатно", "Стоимость", "Временно закрыто", "ещё не переведено, немецкий текст",
            "По состоянию на", "Страница {0} из {1}", "услуги", "Нет услуг.", "Возраст от {0} до {1}",
            "Скачать PDF", "Языки", "Содержание",
            ["Лица, ищущие убежища", "Лица с отсрочкой депортации (Duldung)", "Признанные беженцы", "Временная защита (§ 24 AufenthG)", "Граждане ЕС", "Другие мигранты", "Все"]),
        ["tr"] = new("tr", "Yardım hizmetleri rehberi", "konuya göre", "semte göre", "Diğer hizmetler", "Şehir genelinde, telefonla ve çevrim içi",
            "Adres", "Çalışma saatleri", "Ulaşılabilirlik", "Farklı saatler", "kapalı", "Telefon", "Telefondaki diller",
            "Hizmet dilleri", "Kimler için", "ücretsiz", "Ücret", "Geçici olarak kapalı", "henüz çevrilmedi, Almanca metin",
            "Tarih", "Sayfa {0} / {1}", "hizmet", "Hizmet yok.", "Yaş {0} ile {1} arası",
            "PDF olarak indir", "Diller", "İçindekiler",
            ["Sığınma başvurusu yapanlar", "Hoşgörü statüsündekiler (Duldung)", "Tanınmış mülteciler", "Geçici koruma (§ 24 AufenthG)", "AB vatandaşları", "Diğer göçmenler", "Herkes"]),
    };
}
