namespace Planwerk.Tests.Infrastructure;

/// <summary>Text that breaks careless code: markup, script, right-to-left, very long.</summary>
public static class HostileText
{
    public const string Script = "<script>alert(1)</script>";
    public const string RightToLeft = "خطة العمل للاندماج – اللغة العربية";
    public static readonly string VeryLong = string.Concat(Enumerable.Repeat("Sehr langer Text ohne Ende. ", 400));
    public const string Markup = "\"><img src=x onerror=alert(1)>";
}
