
namespace OpenGov.Consultation.Feedback;

/// <summary>What happened to an idea, as OGP's co-creation standard asks governments to say.</summary>
public enum ResponseState
{
    Retained = 0,
    /// <summary>Merged into a draft commitment sheet (<see cref="ProposalResponse.SheetId"/>).</summary>
    MergedIntoSheet = 1,
    PartlyRetained = 2,
    NotRetained = 3,
    OutOfScope = 4,
}
