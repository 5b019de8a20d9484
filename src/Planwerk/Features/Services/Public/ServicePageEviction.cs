using Microsoft.AspNetCore.OutputCaching;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Services.PublicPages;

/// <summary>Any saved change to a help service or what it is shown with (places, hours, contacts, languages, topics,
/// translations, the measures behind it) evicts the municipality's cached public pages, whichever page or job saved it:
/// the directory, service, organisation and measure pages show them.</summary>
public sealed class ServicePageEviction(IHttpContextAccessor accessor, IOutputCacheStore cache) : PublicPageEviction(accessor, cache)
{
    private static readonly HashSet<Type> Shown =
    [
        typeof(HelpService), typeof(ServiceLocation), typeof(ServiceAtLocation), typeof(ServiceSchedule), typeof(SpecialHours),
        typeof(ServiceContact), typeof(ServiceLanguage), typeof(ServiceTopic), typeof(ContentTranslation), typeof(ContentLanguage), typeof(MeasureService),
    ];

    protected override bool Shows(Type entity) => Shown.Contains(entity);
}
