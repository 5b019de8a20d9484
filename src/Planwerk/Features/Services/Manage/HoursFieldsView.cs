namespace Planwerk.Features.Services.Manage;

/// <summary>The weekly and special hours of a place or of the service as such, under the form name <see cref="Prefix"/>.</summary>
public sealed record HoursFieldsView(string Prefix, ServiceInput.HoursBlock Hours, IReadOnlyList<DayOfWeek> Weekdays);
