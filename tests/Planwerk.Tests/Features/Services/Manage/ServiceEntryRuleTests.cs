using Planwerk.Features.Services;
using Planwerk.Features.Services.Manage;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Services.Manage;

/// <summary>The checks of a whole service entry: each problem at its own field, and a good entry without any.</summary>
public sealed class ServiceEntryRuleTests
{
    private static readonly ServiceChoices Choices = new(
        new Dictionary<int, string> { [1] = "Flüchtlingsrat" }, new Dictionary<int, string> { [7] = "Sprache" },
        new Dictionary<int, string> { [3] = "Altstadt" }, new HashSet<int> { 11 });

    private static ServiceInput Good() => new()
    {
        OrganisationId = 1, Name = "Asylverfahrensberatung " + HostileText.Script, TopicIds = [7], Languages = "de, ar, FA",
        Locations =
        [
            new()
            {
                Id = 11, Name = "Beratungsstelle", DistrictId = 3, Latitude = "51,0504", Longitude = "13.7373",
                Hours = new() { Weekly = [new() { Weekday = DayOfWeek.Monday, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(12, 0) }] },
            },
        ],
        Contacts = [new() { Name = HostileText.RightToLeft, Phone = "0351 1234", PhoneLanguages = "ar uk" }],
    };

    [Fact]
    public void A_complete_entry_has_no_problems()
    {
        Assert.Empty(ServiceEntry.Check(Good(), Choices, "Input"));
    }

    [Fact]
    public void A_closing_time_before_the_opening_time_is_named_at_its_row()
    {
        var input = Good();
        input.Locations[0].Hours.Weekly.Add(new() { Weekday = DayOfWeek.Tuesday, Opens = new TimeOnly(14, 0), Closes = new TimeOnly(10, 0) });
        var problem = Assert.Single(ServiceEntry.Check(input, Choices, "Input"));
        Assert.Equal("Input.Locations[0].Hours.Weekly[1].Closes", problem.Key);
        Assert.Equal(["10:00", "14:00"], problem.Args);
    }

    [Fact]
    public void An_unknown_language_code_is_named_at_its_field_and_in_the_message()
    {
        var input = Good();
        input.Languages = "de, xx";
        input.Contacts[0].PhoneLanguages = "ar, klingon";
        var problems = ServiceEntry.Check(input, Choices, "Input");
        Assert.Equal(["Input.Languages", "Input.Contacts[0].PhoneLanguages"], problems.Select(p => p.Key).ToList());
        Assert.Contains("„xx“", (string)problems[0].Args[0], StringComparison.Ordinal);
        Assert.Contains("„klingon“", (string)problems[1].Args[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_place_of_another_service_an_organisation_not_offered_and_bad_coordinates_are_refused()
    {
        var input = Good();
        input.OrganisationId = 2;
        input.Locations[0].Id = 99;
        input.Locations[0].Latitude = "91";
        var keys = ServiceEntry.Check(input, Choices, "Input").Select(p => p.Key).ToList();
        Assert.Equal(["Input.OrganisationId", "Input.Locations[0].Name", "Input.Locations[0].Latitude"], keys);
    }

    [Fact]
    public void Special_hours_need_both_times_or_none_and_a_last_day_not_before_the_first()
    {
        var input = Good();
        input.ServiceHours.Special.Add(new() { From = new DateOnly(2026, 12, 24), To = new DateOnly(2026, 12, 23), Opens = new TimeOnly(9, 0) });
        var keys = ServiceEntry.Check(input, Choices, "Input").Select(p => p.Key).ToList();
        Assert.Equal(["Input.ServiceHours.Special[0].To", "Input.ServiceHours.Special[0].Closes"], keys);
    }

    [Fact]
    public void The_description_names_each_changed_part_as_text()
    {
        var before = ServiceEntry.Describe(Good(), Choices);
        var changed = Good();
        changed.Locations[0].Hours.Weekly[0].Closes = new TimeOnly(13, 0);
        var after = ServiceEntry.Describe(changed, Choices);
        var differing = before.Zip(after).Where(p => p.First.Value != p.Second.Value).Select(p => p.First.Field).ToList();
        Assert.Equal(["Locations"], differing);
        Assert.Contains("Montag 09:00–13:00", after.Single(p => p.Field == "Locations").Value, StringComparison.Ordinal);
        Assert.Equal("ar, de, fa", after.Single(p => p.Field == "Languages").Value);
    }
}
