namespace Planwerk.Features.Accounts;

/// <summary>What a person may do in a municipality; a person may hold several roles there.</summary>
public enum MunicipalityRole
{
    /// <summary>Manages the municipality's users and roles, and may do everything a plan editor may.</summary>
    Administrator,
    /// <summary>Writes and edits the municipality's plans.</summary>
    PlanEditor,
    /// <summary>Belongs to the plan team for participation: reads the stakeholder registry and (later) moderates public comments.</summary>
    Moderator,
    /// <summary>Records the council's deliberation: bodies, meetings, papers, their consultations, results and amendments.</summary>
    CouncilClerk,
    /// <summary>A counsellor the plan team trusts with content: writes and edits integration pathways and their steps
    /// (and their translations), but does not publish, withdraw or delete them.</summary>
    Counsellor,
}
