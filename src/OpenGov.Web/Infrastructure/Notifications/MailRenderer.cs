using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OpenGov.SharedKernel.Outbox;

namespace OpenGov.Web.Infrastructure.Notifications;

public sealed record RenderedMail(string Subject, string Text, string Html);

/// <summary>
/// Renders a mail in the recipient's language: templated mails from the Web resources ("ProposalsText:Mail.Published" →
/// keys "Mail.Published.Subject"/"Mail.Published.Body", with {placeholders}), then wraps the text in the HTML layout
/// (site name, direction, paragraphs, unsubscribe link).
/// </summary>
public sealed partial class MailRenderer(IStringLocalizerFactory localizers, IOptions<SiteOptions> site, Markdown.HtmlSafety safety,
    OpenGov.SharedKernel.Links.SiteLinks links, SiteDates dates)
{
    /// <summary>The subject and text body of a message, in <paramref name="culture"/>.</summary>
    public (string Subject, string Text) Content(OutboxMessage message, string culture)
    {
        if (message.Template is null) return (message.Subject ?? "", message.TextBody ?? "");
        var values = message.ValuesJson is null ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize<Dictionary<string, string>>(message.ValuesJson) ?? [];
        return RenderTemplate(message.Template, values, culture);
    }

    public (string Subject, string Text) RenderTemplate(string template, IReadOnlyDictionary<string, string> values, string culture)
    {
        var colon = template.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) throw new InvalidOperationException($"Template '{template}' is not 'Resource:Key'.");
        var localizer = Localizer(template[..colon]);
        var key = template[(colon + 1)..];
        return InCulture(culture, () =>
        {
            var subject = localizer[key + ".Subject"];
            var body = localizer[key + ".Body"];
            if (subject.ResourceNotFound || body.ResourceNotFound)
                throw new InvalidOperationException($"Mail template '{template}' has no Subject/Body strings.");
            // Resource bodies may write line breaks as "\n" (scripts/resx.py keeps one line per string).
            return (Fill(subject.Value, values), Fill(body.Value.Replace("\\n", "\n", StringComparison.Ordinal), values));
        });
    }

    /// <summary>A string of the notifications resource in a culture (layout, digest).</summary>
    public string Text(string key, string culture, params object[] args)
        => InCulture(culture, () => Localizer(nameof(NotificationsText))[key, args].Value);

    public RenderedMail Wrap(string subject, string text, string culture, string? unsubscribeUrl, string? category = null)
    {
        // A mail outside the preferences (no unsubscribe link: account mails, a bare address) gives only a category's own reason
        // (a focal point, a decision's owner without an account), never the generic "you follow this".
        var why = Why(category, culture, site.Value.Name, generic: unsubscribeUrl is not null);
        IReadOnlyList<(string, string)> extra = unsubscribeUrl is null ? [] : [(Text("Mail.Layout.Unsubscribe", culture), unsubscribeUrl)];
        var (footerText, footerHtml) = Footer(culture, why, extra);
        return new RenderedMail(subject, text.TrimEnd() + "\n\n" + footerText, Layout(subject, culture, TextToHtml(text) + footerHtml));
    }

    /// <summary>The one footer of every mail (plain text and HTML): an optional reason, the link to the notification preferences
    /// page, then <paramref name="more"/> (unsubscribe links).</summary>
    public (string Text, string Html) Footer(string culture, string? why, IReadOnlyList<(string Label, string Url)> more)
    {
        (string Label, string Url) preferences = (Text("Mail.Layout.Preferences", culture), links.To("/account/notifications"));
        var text = new StringBuilder("-- \n");
        var html = new StringBuilder("<hr><p style=\"font-size:12px;color:#555\">");
        if (why is not null)
        {
            text.Append(why).Append('\n');
            html.Append(WebUtility.HtmlEncode(why)).Append("<br>");
        }
        var first = true;
        foreach (var (label, url) in more.Prepend(preferences))
        {
            text.Append(label).Append(" : ").Append(url).Append('\n');
            if (!first) html.Append("<br>");
            html.Append("<a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">").Append(WebUtility.HtmlEncode(label)).Append("</a>");
            first = false;
        }
        return (text.ToString(), html.Append("</p>").ToString());
    }

    /// <summary>Why the recipient gets the mail: "Mail.Layout.Why.{category}" when the category has its own reason
    /// (a focal point does not "follow" a commitment), else the generic one.</summary>
    private string? Why(string? category, string culture, string siteName, bool generic) => InCulture(culture, () =>
    {
        var localizer = Localizer(nameof(NotificationsText));
        var own = category is null ? null : localizer["Mail.Layout.Why." + category, siteName];
        return own is { ResourceNotFound: false } ? own.Value : generic ? localizer["Mail.Layout.Why", siteName].Value : null;
    });

    /// <summary>Text (user or template text with values) as HTML paragraphs: encoded, line breaks, absolute links made anchors,
    /// then the mail allowlist of <see cref="Markdown.HtmlSafety"/> as the last pass.</summary>
    public string TextToHtml(string text)
    {
        var html = new StringBuilder();
        foreach (var paragraph in Regex.Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(), @"\n\s*\n"))
            html.Append("<p>").Append(Linkify(WebUtility.HtmlEncode(paragraph.Trim()).Replace("\n", "<br>", StringComparison.Ordinal))).Append("</p>");
        return safety.Sanitize(html.ToString(), Markdown.HtmlProfile.Mail);
    }

    /// <summary>The HTML mail layout: language and direction, the site name, then <paramref name="bodyHtml"/> (already encoded).
    /// Inline styles: mail clients ignore style sheets.</summary>
    public string Layout(string subject, string culture, string bodyHtml)
    {
        var rtl = culture.StartsWith("ar", StringComparison.Ordinal);
        return new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(WebUtility.HtmlEncode(culture)).Append("\" dir=\"").Append(rtl ? "rtl" : "ltr")
            .Append("\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(subject)).Append("</title></head>")
            .Append("<body style=\"font-family:Arial,sans-serif;line-height:1.5;color:#1b1b1b\">")
            .Append("<p style=\"font-weight:bold;font-size:18px;color:#0b5394\">").Append(WebUtility.HtmlEncode(site.Value.Name)).Append("</p>")
            .Append(bodyHtml).Append("</body></html>").ToString();
    }

    private IStringLocalizer Localizer(string resourceName)
    {
        var type = typeof(SharedResource).Assembly.GetType("OpenGov.Web." + resourceName)
            ?? throw new InvalidOperationException($"Unknown resource '{resourceName}' for a mail template.");
        return localizers.Create(type);
    }

    private static T InCulture<T>(string culture, Func<T> render)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            var c = Localization.Cultures.For(culture);
            CultureInfo.CurrentUICulture = c;
            CultureInfo.CurrentCulture = c;
            return render();
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = current;
        }
    }

    /// <summary>Placeholders replaced by their values; instants, days and official texts (<see cref="MailValue"/>) in the
    /// recipient's language (rendered inside <see cref="InCulture"/>).</summary>
    private string Fill(string template, IReadOnlyDictionary<string, string> values)
        => PlaceholderRegex().Replace(template, m => !values.TryGetValue(m.Groups[1].Value, out var v) ? m.Value
            : MailValue.TryInstant(v, out var at) ? dates.DateAndTimeInZone(at) : MailValue.TryDay(v, out var day) ? dates.Date(day)
            : MailValue.TryText(v, out var text) ? text.For(CultureInfo.CurrentUICulture.Name).Text : v);

    /// <summary>Links to this site in the (already encoded) text become anchors. Any other URL (one a user wrote in a title,
    /// a comment or a reason) stays text: an official mail must not carry a clickable link chosen by someone else.</summary>
    private string Linkify(string encoded) => UrlRegex().Replace(encoded, m => IsOurs(WebUtility.HtmlDecode(m.Value)) ? $"<a href=\"{m.Value}\">{m.Value}</a>" : m.Value);

    private bool IsOurs(string url)
        => (url == links.BaseUrl || url.StartsWith(links.BaseUrl + "/", StringComparison.OrdinalIgnoreCase) || url.StartsWith(links.BaseUrl + "?", StringComparison.Ordinal))
            && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Equals(links.BaseUri.Host, StringComparison.OrdinalIgnoreCase)
            && uri.Port == links.BaseUri.Port && string.IsNullOrEmpty(uri.UserInfo);

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)\}")]
    private static partial Regex PlaceholderRegex();

    [GeneratedRegex(@"https?://[^\s<]+")]
    private static partial Regex UrlRegex();
}
