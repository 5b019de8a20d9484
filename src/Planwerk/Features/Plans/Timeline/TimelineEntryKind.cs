using Planwerk.Features.Council;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Features.Participation.Workshops;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Plans.Timeline;

public enum TimelineEntryKind
{
    /// <summary>A stretch of time (e.g. "2. bis 4. Quartal 2018: schriftliche Stellungnahmen").</summary>
    Phase,
    /// <summary>A single occasion (e.g. "05.07.2019: Der Stadtrat beschließt den Plan").</summary>
    Event,
}
