using Planwerk.Features.Council;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Features.Participation.Workshops;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Plans.Timeline;

/// <summary>How exactly a date is known: a day, a month, a quarter ("2. Quartal 2019") or a year.</summary>
public enum DatePrecision
{
    Day,
    Month,
    Quarter,
    Year,
}
