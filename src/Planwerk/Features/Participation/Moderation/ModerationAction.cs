using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Participation.Moderation;

public enum ModerationAction
{
    Hidden,
    Restored,
    ReportDismissed,
}
