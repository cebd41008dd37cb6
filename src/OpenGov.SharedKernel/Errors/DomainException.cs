namespace OpenGov.SharedKernel.Errors;

/// <summary>How the web answers a refusal: a form error, 403 or 404.</summary>
public enum DomainErrorKind
{
    /// <summary>A business rule refused the input: shown on the form, the input kept.</summary>
    Rule,
    /// <summary>The actor may not do this (403).</summary>
    Forbidden,
    /// <summary>The target does not exist or is not visible to the actor (404).</summary>
    NotFound,
}

/// <summary>
/// A refusal by a business rule. Carries a message key (resolved in the visitor's language by the web's
/// DomainErrors resource) and its arguments, never user-facing text: modules stay free of UI languages.
/// Programming errors keep the framework exceptions (ArgumentNullException...).
/// </summary>
public sealed class DomainException : Exception
{
    private DomainException(DomainErrorKind kind, string key, object[] args)
        : base(args.Length == 0 ? key : $"{key} ({string.Join(", ", args)})")
    {
        Kind = kind;
        Key = key;
        Args = args;
    }

    public DomainErrorKind Kind { get; }

    /// <summary>Key in Resources/DomainErrors*.resx (Web).</summary>
    public string Key { get; }

    /// <summary>Values for the message's {0}, {1}... placeholders.</summary>
    public IReadOnlyList<object> Args { get; }

    public static DomainException Rule(string key, params object[] args) => new(DomainErrorKind.Rule, key, args);
    public static DomainException Forbidden(string key, params object[] args) => new(DomainErrorKind.Forbidden, key, args);
    public static DomainException NotFound(string key = "NotFound", params object[] args) => new(DomainErrorKind.NotFound, key, args);
}
