using Planwerk.Infrastructure;

namespace Planwerk.Features.Council;

/// <summary>A plan change (a history record) made because an amendment (a paper that amends another,
/// <see cref="Paper.AmendsPaperId"/>) was adopted or taken over by the administration.</summary>
public sealed class AmendmentChangeLink : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    /// <summary>The amendment: a paper with <see cref="Paper.AmendsPaperId"/> set.</summary>
    public int AmendmentId { get; set; }
    public Paper? Amendment { get; set; }
    public long ChangeRecordId { get; set; }
}
