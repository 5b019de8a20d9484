using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Razor;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Features.Council.OParl;
using Planwerk.Features.Demo;
using Planwerk.Features.Pathways;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.History;
using Planwerk.Features.Plans.Print;
using Planwerk.Features.Plans.Sections;
using Planwerk.Features.Services.Hsds;
using Planwerk.Features.Statistics.OpenData;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Instances;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Mail;
using Planwerk.Infrastructure.Markdown;
using Planwerk.Infrastructure.RateLimiting;
using Planwerk.Infrastructure.Security;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk;

public static class Composition
{
    public static IServiceCollection AddPlanwerk(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddSingleton(TimeProvider.System);
        // Pages are UTF-8: let umlauts and right-to-left scripts through as characters, not entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddHostedService<DatabaseInitializer>();
        services.AddPlanwerkDatabase(configuration, environment.ContentRootPath);
        var publicAddress = services.AddPublicAddress(configuration, environment);
        services.AddPlanwerkReverseProxy(configuration, publicAddress);
        // Responses do not announce the server software.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddIdentityCore<PlanwerkUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                o.User.RequireUniqueEmail = true;
                // The user name is the email address; every character a valid address may hold is allowed.
                o.User.AllowedUserNameCharacters = "";
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                // No account is ever locked by failed attempts (anyone could lock out its owner):
                // SignInThrottle slows them down instead.
                o.Lockout.MaxFailedAccessAttempts = int.MaxValue;
                o.Tokens.AuthenticatorTokenProvider = AuthenticatorCodes.ProviderName;
            })
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddTokenProvider<AuthenticatorCodes>(AuthenticatorCodes.ProviderName)
            .AddEntityFrameworkStores<PlanwerkDbContext>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<GermanIdentityErrorDescriber>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "planwerk.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // A cookie counts only while its session row exists (instead of the security stamp check every 30 minutes).
            o.Events.OnSigningIn = UserSessions.StartAsync;
            o.Events.OnValidatePrincipal = UserSessions.ValidateAsync;
        });
        services.AddScoped<SignInThrottle>().AddOptions<SignInThrottleOptions>().Bind(configuration.GetSection("SignInThrottle"));
        services.AddPlanwerkAuthorization();
        services.AddHttpContextAccessor();
        services.AddPlanwerkLocalization();
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.Add(new PrivatePages());
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddMvcOptions(o =>
            {
                ValidationMessages.UseGerman(o.ModelBindingMessageProvider);
                o.Filters.Add(new Infrastructure.Files.RequestTooLarge());
            });
        services.AddOutputCache(o => o.AddPolicy(PublicPageCache.PolicyName, new PublicPageCache()));
        // Saved changes to help services evict the municipality's public pages, whatever saved them.
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, Features.Services.PublicPages.ServicePageEviction>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, Features.Pathways.PublicPages.PathwayPageEviction>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, Features.Statistics.PublicPages.StatisticsPageEviction>();
        // Published pathways never change: their parsed documents are kept in memory by publication.
        services.AddMemoryCache();
        services.AddSingleton<Features.Pathways.PublishedPathways>();
        services.AddHealthChecks().AddDbContextCheck<PlanwerkDbContext>("database");
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Planwerk Read API";
            document.Info.Description = "Published plans of every municipality on this installation: fields of action, measures and their progress.";
            return Task.CompletedTask;
        }));
        services.AddOptions<MailOptions>().Bind(configuration.GetSection("Mail"));
        services.AddScoped<MailSender>();
        services.AddScoped<ChangeAuthor>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection("Demo"));
        services.AddOptions<Features.Participation.Consultations.ConsultationOptions>().Bind(configuration.GetSection("Consultations"));
        services.AddOutputCache(o => o.AddPolicy(Features.Participation.Consultations.RoundPageCache.PolicyName, new Features.Participation.Consultations.RoundPageCache()));
        services.AddPlanwerkRateLimits(configuration);
        services.AddScoped<Features.Participation.Consultations.ConsultationReminders>();
        services.AddHostedService<Features.Participation.Consultations.ConsultationReminderService>();
        services.AddScoped<Features.Implementation.Reports.ReportAccess>();
        services.AddScoped<Features.Implementation.Reports.ReportReminders>();
        services.AddHostedService<Features.Implementation.Reports.ReportReminderService>();
        services.AddScoped<Features.Services.Content.ServiceCheckReminders>();
        services.AddHostedService<Features.Services.Content.ServiceCheckReminderService>();
        services.AddOptions<Features.Council.OParlImport.OParlImportOptions>().Bind(configuration.GetSection("OParlImport"));
        // Sources are followed by hand: no automatic redirects (each is checked), no cookies.
        services.AddHttpClient<Features.Council.OParlImport.OParlSource>(h => h.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddScoped<Features.Council.OParlImport.OParlReader>();
        services.AddScoped<Features.Council.OParlImport.OParlImporter>();
        services.AddScoped<Features.Council.OParlImport.OParlSync>();
        services.AddHostedService<Features.Council.OParlImport.OParlSyncService>();
        // Last: it wraps the output cache's store (on PostgreSQL).
        services.AddPlanwerkInstances(configuration);
        services.AddOpenTelemetry()
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddOtlpExporterWhenConfigured(configuration))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddOtlpExporterWhenConfigured(configuration));
        return services;
    }

    private static TracerProviderBuilder AddOtlpExporterWhenConfigured(this TracerProviderBuilder builder, IConfiguration configuration) =>
        string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) ? builder : builder.AddOtlpExporter();

    private static MeterProviderBuilder AddOtlpExporterWhenConfigured(this MeterProviderBuilder builder, IConfiguration configuration) =>
        string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) ? builder : builder.AddOtlpExporter();

    public static WebApplication UsePlanwerk(this WebApplication app)
    {
        app.UsePlanwerkReverseProxy(app.Services.GetRequiredService<PublicAddress>(), app.Environment.IsDevelopment());
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseApiProblems();
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseChangeAuthor();
        // A cached public page is answered here, before the municipality is looked up: no query at all.
        app.UseOutputCache();
        if (app.Configuration.GetValue<bool>(QueryKeyCheck.Setting)) app.UseQueryKeyCheck();
        app.UseMunicipalityTenancy();
        // After authentication (participation writes count per person) and routing (the page names its policy).
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapLanguageSwitch();
        app.MapPlanApi();
        app.MapOParl();
        app.MapHsdsApi();
        app.MapPathwayApi();
        app.MapStatisticsOpenData();
        app.MapPlanPdf();
        app.MapPlanImages();
        app.MapRazorPages();
        return app;
    }
}
