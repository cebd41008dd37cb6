namespace OpenGov.Web;

/// <summary>Strings of the co-creation cycles, proposals and moderation pages, and of their e-mails (Resources/ProposalsText*.resx).</summary>
public sealed class ProposalsText;
