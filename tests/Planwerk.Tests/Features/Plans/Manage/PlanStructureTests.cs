using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Manage;

namespace Planwerk.Tests.Features.Plans.Manage;

public sealed class PlanStructureTests
{
    [Fact]
    public void Moving_up_swaps_with_the_previous_item()
    {
        Assert.Equal([10, 30, 20], PlanStructure.Move([10, 20, 30], 30, MoveDirection.Up));
    }

    [Fact]
    public void Moving_down_swaps_with_the_next_item()
    {
        Assert.Equal([20, 10, 30], PlanStructure.Move([10, 20, 30], 10, MoveDirection.Down));
    }

    [Fact]
    public void The_first_cannot_move_up_and_the_last_cannot_move_down()
    {
        Assert.Null(PlanStructure.Move([10, 20, 30], 10, MoveDirection.Up));
        Assert.Null(PlanStructure.Move([10, 20, 30], 30, MoveDirection.Down));
        Assert.Null(PlanStructure.Move([10, 20, 30], 99, MoveDirection.Up));
    }

    [Fact]
    public void Placing_at_a_position_moves_the_others_along_and_clamps()
    {
        Assert.Equal([30, 10, 20], PlanStructure.PlaceAt([10, 20, 30], 30, 1));
        Assert.Equal([20, 30, 10], PlanStructure.PlaceAt([10, 20, 30], 10, 99));
        Assert.Equal([10, 40, 20, 30], PlanStructure.PlaceAt([10, 20, 30], 40, 2));
        Assert.Equal([40, 10], PlanStructure.PlaceAt([10], 40, 0));
    }

    [Fact]
    public void Positions_are_one_to_n_and_only_changed_ones_are_reported()
    {
        var stored = new Dictionary<int, int> { [10] = 1, [20] = 5, [30] = 2 };
        var changes = PlanStructure.Positions([10, 30, 20], stored);
        Assert.Equal(new Dictionary<int, int> { [20] = 3 }, changes);
    }

    [Fact]
    public void Renumbering_numbers_fields_by_order_and_measures_within_each_field()
    {
        var fields = new List<FieldInOrder>
        {
            new(1, 2, [new(11, "2.1"), new(12, "2.3")]),
            new(2, 1, [new(21, "1.2"), new(22, "1.1")]),
            new(3, 3, [new(31, "3.1")]),
        };
        var result = PlanStructure.Renumber(fields);
        Assert.Equal(new Dictionary<int, int> { [1] = 1, [2] = 2 }, result.FieldNumbers);
        Assert.Equal(new Dictionary<int, string> { [11] = "1.1", [12] = "1.2", [21] = "2.1", [22] = "2.2" }, result.MeasureNumbers);
        Assert.True(result.ChangesAnything);
    }

    [Fact]
    public void Renumbering_a_plan_in_order_changes_nothing()
    {
        var result = PlanStructure.Renumber([new(1, 1, [new(11, "1.1"), new(12, "1.2")]), new(2, 2, [])]);
        Assert.False(result.ChangesAnything);
    }
}

public sealed class MeasureNumbersTests
{
    [Theory]
    [InlineData("4.3", 4, null)]
    [InlineData("4.3.1", 4, null)]
    [InlineData("12.10", 12, null)]
    [InlineData("", 4, MeasureNumbers.Missing)]
    [InlineData("  ", 4, MeasureNumbers.Missing)]
    [InlineData("4", 4, MeasureNumbers.WrongFormat)]
    [InlineData("4.", 4, MeasureNumbers.WrongFormat)]
    [InlineData("4,3", 4, MeasureNumbers.WrongFormat)]
    [InlineData("A.1", 4, MeasureNumbers.WrongFormat)]
    [InlineData("<script>", 4, MeasureNumbers.WrongFormat)]
    [InlineData("3.1", 4, MeasureNumbers.WrongField)]
    public void A_measure_number_has_the_form_field_dot_index(string number, int field, string? problem)
    {
        Assert.Equal(problem, MeasureNumbers.Problem(number, field));
    }

    [Fact]
    public void The_next_free_number_follows_the_highest_in_the_field()
    {
        Assert.Equal("4.1", MeasureNumbers.NextFree(4, []));
        Assert.Equal("4.10", MeasureNumbers.NextFree(4, ["4.1", "4.9", "3.12", "4.2.1"]));
        Assert.Equal("2.3", MeasureNumbers.NextFree(2, ["2.2", "1.5"]));
    }

    [Fact]
    public void Changing_the_field_part_keeps_the_rest()
    {
        Assert.Equal("5.2", MeasureNumbers.WithFieldPart("3.2", 5));
        Assert.Equal("5.2.1", MeasureNumbers.WithFieldPart("3.2.1", 5));
        Assert.Equal(5, MeasureNumbers.FieldPart("5.2.1"));
    }
}

public sealed class MeasureRulesTests
{
    [Fact]
    public void The_end_may_not_precede_the_start()
    {
        Assert.Equal(MeasureRules.EndBeforeStart, MeasureRules.Schedule(new DateOnly(2024, 5, 2), new DateOnly(2024, 5, 1)));
        Assert.Null(MeasureRules.Schedule(new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 1)));
        Assert.Null(MeasureRules.Schedule(null, new DateOnly(2024, 5, 1)));
    }

    [Theory]
    [InlineData(MeasureStatus.InProgress, -1, MeasureRules.ProgressOutOfRange)]
    [InlineData(MeasureStatus.InProgress, 101, MeasureRules.ProgressOutOfRange)]
    [InlineData(MeasureStatus.Completed, 99, MeasureRules.CompletedBelowFull)]
    [InlineData(MeasureStatus.Completed, 100, null)]
    [InlineData(MeasureStatus.NotStarted, 100, null)]
    [InlineData(MeasureStatus.Delayed, 0, null)]
    public void Progress_is_a_percentage_and_a_completed_measure_is_at_100(MeasureStatus status, int progress, string? problem)
    {
        Assert.Equal(problem, MeasureRules.Progress(status, progress));
    }
}

public sealed class PlanRulesTests
{
    [Fact]
    public void The_period_may_not_end_before_it_starts()
    {
        Assert.Equal(PlanRules.PeriodEndBeforeStart, PlanRules.Period(2022, 2019));
        Assert.Null(PlanRules.Period(2019, 2019));
        Assert.Null(PlanRules.Period(null, 2019));
    }

    [Fact]
    public void A_plan_is_not_its_own_predecessor_directly_or_through_others()
    {
        var predecessorOf = new Dictionary<int, int?> { [1] = null, [2] = 1, [3] = 2 };
        Assert.Equal(PlanRules.PredecessorIsItself, PlanRules.Predecessor(2, 2, predecessorOf));
        Assert.Equal(PlanRules.PredecessorCycle, PlanRules.Predecessor(1, 3, predecessorOf));
        Assert.Null(PlanRules.Predecessor(3, 1, predecessorOf));
        Assert.Null(PlanRules.Predecessor(null, 3, predecessorOf));
    }

    [Fact]
    public void An_existing_cycle_in_the_data_does_not_hang_the_check()
    {
        var predecessorOf = new Dictionary<int, int?> { [1] = 2, [2] = 1 };
        Assert.Null(PlanRules.Predecessor(5, 1, predecessorOf));
    }
}
