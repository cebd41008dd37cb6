using OpenGov.SharedKernel.Errors;
using OpenGov.SharedKernel.Text;
namespace OpenGov.Consultation.Sheets;

public enum ConsultationState { NotScheduled = 0, Upcoming = 1, Open = 2, Closed = 3 }

/// <summary>
/// A draft commitment sheet of a cycle, written by the editors of its lead agency. The draft (<see cref="ContentJson"/>)
/// is private to the agency; each publication freezes it into an immutable <see cref="SheetVersion"/>.
/// The consultation window's state is derived from the clock: there is no open/close switch to forget, only dates,
/// and later ends go through <see cref="ExtendConsultation"/>, which leaves a public, reasoned trace.
/// </summary>
public sealed class Sheet
{
    private readonly List<ConsultationExtension> _extensions = [];

    private Sheet() { }

    public Sheet(Guid id, Guid cycleId, Guid agencyId, SheetContent content, string createdByUserId, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(createdByUserId);
        Id = id;
        CycleId = cycleId;
        AgencyId = agencyId;
        CreatedByUserId = createdByUserId;
        CreatedAt = now;
        SetContent(content, now);
    }

    public Guid Id { get; private set; }
    public Guid CycleId { get; private set; }
    public Guid AgencyId { get; private set; }
    /// <summary>The draft's title (the public title is the latest version's).</summary>
    public string Title { get; private set; } = "";
    public string ContentJson { get; private set; } = "";
    public string CreatedByUserId { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>0 while never published.</summary>
    public int CurrentVersion { get; private set; }
    public string? PublishedTitle { get; private set; }
    public DateTime? FirstPublishedAt { get; private set; }
    public DateTime? LastPublishedAt { get; private set; }
    public bool HasUnpublishedChanges { get; private set; }

    public DateTime? ConsultationOpensAt { get; private set; }
    /// <summary>Exclusive end of the consultation window.</summary>
    public DateTime? ConsultationClosesAt { get; private set; }

    /// <summary>Kept on the row so lists never count comments.</summary>
    public int CommentCount { get; private set; }

    /// <summary>Retained for the action plan by an administrator after the committee's evaluation.</summary>
    public bool IsSelected { get; private set; }

    public IReadOnlyList<ConsultationExtension> Extensions => _extensions;

    public bool IsPublished => CurrentVersion > 0;

    public SheetContent Content => SheetContent.FromJson(ContentJson);

    /// <summary>Replaces the draft. Content without translations (the French form) keeps the draft's ones; those of
    /// removed activities or indicators go with them.</summary>
    public void EditDraft(SheetContent content, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(content);
        var current = Content;
        SetContent(content with { Ar = content.Ar ?? current.Ar, En = content.En ?? current.En }, now);
        HasUnpublishedChanges = true;
    }

    /// <summary>Sets every text of the draft side by side (<see cref="SheetContent.Texts"/> order): French original
    /// and translations. They become public with the next published version.</summary>
    public void TranslateDraft(IReadOnlyList<LocalizedText> texts, DateTime now)
    {
        // WithTexts gives dictionaries, empty rather than null, so clearing every translation does clear them.
        var (before, pending) = (ContentJson, HasUnpublishedChanges);
        EditDraft(Content.WithTexts(texts), now);
        if (ContentJson == before) HasUnpublishedChanges = pending; // saving the same texts is no change to publish

    }

    /// <summary>Freezes the draft into version n+1. The first publication needs a consultation window.</summary>
    public SheetVersion Publish(string authorUserId, string authorName, string? changeNote, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(authorUserId);
        if (ConsultationOpensAt is null) throw DomainException.Rule("ScheduleConsultationWindowBeforePublishing");
        if (IsPublished && string.IsNullOrWhiteSpace(changeNote))
            throw DomainException.Rule("RevisionNeedsChangeNote");
        if (IsPublished && !HasUnpublishedChanges)
            throw DomainException.Rule("DraftHasNoChangeSinceLastVersion");
        CurrentVersion++;
        PublishedTitle = Title;
        FirstPublishedAt ??= now;
        LastPublishedAt = now;
        HasUnpublishedChanges = false;
        UpdatedAt = now;
        return new SheetVersion(Guid.NewGuid(), Id, CurrentVersion, ContentJson, authorUserId, authorName,
            string.IsNullOrWhiteSpace(changeNote) ? null : changeNote.Trim(), now);
    }

    /// <summary>Sets the window. Once it has opened, dates only move through <see cref="ExtendConsultation"/>.</summary>
    public void ScheduleConsultation(DateTime opensAt, DateTime closesAt, DateTime now)
    {
        if (closesAt <= opensAt) throw DomainException.Rule("ConsultationMustCloseAfterOpens");
        if (closesAt <= now) throw DomainException.Rule("ConsultationMustCloseFuture");
        if (ConsultationOpensAt is { } o && o <= now)
            throw DomainException.Rule("ConsultationHasAlreadyOpenedAdministratorExtend");
        ConsultationOpensAt = opensAt;
        ConsultationClosesAt = closesAt;
    }

    public ConsultationState StateAt(DateTime now)
    {
        if (!IsPublished || ConsultationOpensAt is null || ConsultationClosesAt is null) return ConsultationState.NotScheduled;
        if (now < ConsultationOpensAt) return ConsultationState.Upcoming;
        return now < ConsultationClosesAt ? ConsultationState.Open : ConsultationState.Closed;
    }

    /// <summary>An administrator's extension (also re-opens a closed window), with a reason shown publicly.</summary>
    public ConsultationExtension ExtendConsultation(DateTime newClose, string reason, string actorUserId, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw DomainException.Rule("ReasonRequired");
        if (!IsPublished || ConsultationClosesAt is null) throw DomainException.Rule("SheetHasNoConsultationWindow");
        if (newClose <= ConsultationClosesAt) throw DomainException.Rule("ExtensionMustEndLaterThanCurrentEnd");
        if (newClose <= now) throw DomainException.Rule("ExtensionMustEndFuture");
        var extension = new ConsultationExtension(Guid.NewGuid(), Id, ConsultationClosesAt.Value, newClose, reason.Trim(), actorUserId, now);
        ConsultationClosesAt = newClose;
        _extensions.Add(extension);
        return extension;
    }

    /// <summary>Throws unless comments are accepted now: the server's check, whatever the page showed.</summary>
    public void EnsureOpenForComments(DateTime now)
    {
        if (StateAt(now) != ConsultationState.Open) throw DomainException.Rule("ConsultationSheetNotOpen");
    }

    /// <summary>Demo seeding only (a single writer); the use case increments the count in SQL.</summary>
    internal void CommentAdded() => CommentCount++;

    public void MarkSelected(bool selected) => IsSelected = selected;

    private void SetContent(SheetContent content, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(content);
        var normalized = content.Normalized();
        Title = normalized.Title;
        ContentJson = normalized.ToJson();
        UpdatedAt = now;
    }
}

/// <summary>A published revision of a sheet: a frozen snapshot, never modified (no mutator exists).</summary>
public sealed class SheetVersion
{
    private SheetVersion() { }

    internal SheetVersion(Guid id, Guid sheetId, int number, string contentJson, string authorUserId, string authorName, string? changeNote, DateTime publishedAt)
    {
        Id = id;
        SheetId = sheetId;
        Number = number;
        ContentJson = contentJson;
        AuthorUserId = authorUserId;
        AuthorName = authorName;
        ChangeNote = changeNote;
        PublishedAt = publishedAt;
    }

    public Guid Id { get; private set; }
    public Guid SheetId { get; private set; }
    public int Number { get; private set; }
    public string ContentJson { get; private set; } = "";
    public string AuthorUserId { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public string? ChangeNote { get; private set; }
    public DateTime PublishedAt { get; private set; }

    public SheetContent Content => SheetContent.FromJson(ContentJson);
}

/// <summary>A public trace of a consultation extended by an administrator.</summary>
public sealed class ConsultationExtension
{
    private ConsultationExtension() { }

    internal ConsultationExtension(Guid id, Guid sheetId, DateTime previousClose, DateTime newClose, string reason, string actorUserId, DateTime at)
    {
        Id = id;
        SheetId = sheetId;
        PreviousClose = previousClose;
        NewClose = newClose;
        Reason = reason;
        ActorUserId = actorUserId;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid SheetId { get; private set; }
    public DateTime PreviousClose { get; private set; }
    public DateTime NewClose { get; private set; }
    public string Reason { get; private set; } = "";
    public string ActorUserId { get; private set; } = "";
    public DateTime At { get; private set; }
}
