using OpenGov.SharedKernel.Errors;

namespace OpenGov.SharedKernel.Text;

/// <summary>
/// The one rule for single-line fields (titles, names, organisations...): no line breaks or other control characters.
/// They end up in mail subjects, CSV cells and headings, where a newline is either refused (SMTP) or misleading.
/// </summary>
public static class SingleLineText
{
    /// <summary>The key of the refusal message, in DomainErrors (entities) and SharedResource (form attribute).</summary>
    public const string MessageKey = "SingleLine";

    public static bool IsValid(string? value) => value is null || !value.Any(IsForbidden);

    /// <summary>Control characters (C0, DEL, C1) plus the Unicode line and paragraph separators.</summary>
    public static bool IsForbidden(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085';

    /// <summary>The trimmed value, or a refusal if it spans lines.</summary>
    public static string Trim(string value, string field) => IsValid(value) ? value.Trim() : throw Refused(field);

    /// <summary>Null for blank input, else as <see cref="Trim"/>.</summary>
    public static string? TrimOrNull(string? value, string field) => string.IsNullOrWhiteSpace(value) ? null : Trim(value, field);

    // The single place the refusal is raised: a form error in the visitor's language (DomainErrors "SingleLine"), input kept.
    private static DomainException Refused(string field) => DomainException.Rule(MessageKey, field);

    /// <summary>For text that must never carry a line break whatever its source (mail subjects, old data): each run of
    /// control characters becomes one space.</summary>
    public static string Flatten(string value)
    {
        if (IsValid(value)) return value;
        var sb = new System.Text.StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (IsForbidden(c)) { pendingSpace = true; continue; }
            if (pendingSpace && sb.Length > 0 && c != ' ') sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
        return sb.ToString().Trim();
    }
}
