namespace OpenGov.Web;

/// <summary>Messages of every <see cref="OpenGov.SharedKernel.Errors.DomainException"/> key (Resources/DomainErrors*.resx).
/// Keys starting with "Field." name the inputs a message may refer to.</summary>
public sealed class DomainErrors;
