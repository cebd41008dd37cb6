using OpenGov.SharedKernel.Errors;
using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Associations;
using OpenGov.Consultation.Committees;
using OpenGov.SharedKernel.Auditing;
using OpenGov.SharedKernel.Paging;
using OpenGov.SharedKernel.Search;
using OpenGov.SharedKernel.Links;
using OpenGov.SharedKernel.Outbox;

namespace OpenGov.Consultation.Meetings;

public sealed record MeetingRow(Guid Id, CommitteeKind Committee, string Title, DateOnly HeldOn, string? Place, bool IsRemote,
    MinutesStatus Status, int DecisionCount, int OpenDecisionCount);

public sealed record AttendeeRow(string? Name, string? Organisation, bool Present);

public sealed record DecisionRow(Guid Id, Guid MeetingId, CommitteeKind Committee, string MeetingTitle, DateOnly MeetingHeldOn, string Text,
    string? OwnerOrganisation, string? OwnerName, string? OwnerUserId, DateOnly? DueOn, DecisionStatus Status, string? ProgressNote,
    DateTime? StatusChangedAt, bool IsOverdue);

/// <summary>The follow-up's views: open (the default, overdue included), overdue only, the history (done, dropped) or all.</summary>
public enum DecisionFilter { Open = 0, Overdue = 1, Done = 2, Dropped = 3, All = 4 }

/// <summary>A page of the follow-up: a status view, optionally one committee and one owner (a name or an organisation, exactly).</summary>
public sealed record DecisionQuery(DecisionFilter Status = DecisionFilter.Open, CommitteeKind? Committee = null, string? Owner = null, string? Cursor = null);

public sealed record DecisionCounts(int Open, int Overdue);

public sealed record MeetingView(Guid Id, CommitteeKind Committee, string Title, DateOnly HeldOn, string? Place, bool IsRemote, string MinutesMarkdown,
    MinutesStatus Status, DateTime? PublishedAt, IReadOnlyList<string> Agenda, IReadOnlyList<AttendeeRow> Attendees, IReadOnlyList<DecisionRow> Decisions);

public sealed record MeetingInput(CommitteeKind Committee, string Title, DateOnly HeldOn, string? Place, bool IsRemote, string MinutesMarkdown,
    IReadOnlyList<string> Agenda, IReadOnlyList<(string? Name, string? Organisation)> Participants, IReadOnlyList<(string? Name, string? Organisation)> Absentees);

/// <summary><paramref name="OwnerUserId"/> is the account holding <paramref name="OwnerEmail"/>, if any (the host resolves it);
/// <paramref name="OwnerEmailCulture"/> is the language of the mails to the bare address (fr, ar or en).</summary>
public sealed record DecisionInput(string Text, string? OwnerOrganisation, string? OwnerName, string? OwnerUserId, string? OwnerEmail, DateOnly? DueOn,
    string? OwnerEmailCulture = null);

/// <summary>
/// Meetings and their records of conclusions. Committee secretaries (administrators; the pages check the policy) draft and publish;
/// the public sees published minutes only. Decisions are followed up across meetings.
/// </summary>
public sealed class MeetingService(DbContext db, TimeProvider clock, IAuditLog audit, ISearchIndex search, IOutbox outbox, SiteLinks links)
{
    public const int PageSize = 20;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => DateOnly.FromDateTime(Now);

    public async Task<KeysetPage<MeetingRow>> ListAsync(bool includeDrafts, CommitteeKind? committee, string? cursor, CancellationToken ct = default)
    {
        var q = db.Set<Meeting>().Where(m => includeDrafts || m.Status == MinutesStatus.Published);
        if (committee is { } k) q = q.Where(m => m.Committee == k);
        if (KeysetCursor.TryDecodeKey(cursor, out string key, out Guid id) && DateOnly.TryParseExact(key, "yyyy-MM-dd", out var day))
            q = q.Where(m => m.HeldOn < day || (m.HeldOn == day && m.Id.CompareTo(id) < 0));
        var rows = await q.OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).Take(PageSize + 1)
            .Select(m => new MeetingRow(m.Id, m.Committee, m.Title, m.HeldOn, m.Place, m.IsRemote, m.Status, db.Set<Decision>().Count(d => d.MeetingId == m.Id),
                db.Set<Decision>().Count(d => d.MeetingId == m.Id && d.Status == DecisionStatus.Open))).ToListAsync(ct);
        var next = rows.Count > PageSize ? KeysetCursor.Encode(rows[PageSize - 1].HeldOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), rows[PageSize - 1].Id) : null;
        return new KeysetPage<MeetingRow>(rows.Take(PageSize).ToList(), next);
    }

    public async Task<MeetingView?> GetAsync(Guid id, bool includeDrafts, CancellationToken ct = default)
    {
        var m = await db.Set<Meeting>().AsNoTracking().Include(x => x.Agenda).Include(x => x.Attendees).Include(x => x.Decisions).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id && (includeDrafts || x.Status == MinutesStatus.Published), ct);
        if (m is null) return null;
        var today = Today;
        return new MeetingView(m.Id, m.Committee, m.Title, m.HeldOn, m.Place, m.IsRemote, m.MinutesMarkdown, m.Status, m.PublishedAt,
            m.Agenda.OrderBy(a => a.Order).Select(a => a.Text).ToList(),
            m.Attendees.OrderBy(a => a.Order).Select(a => new AttendeeRow(a.Name, a.Organisation, a.Present)).ToList(),
            m.Decisions.OrderBy(d => d.Order).Select(d => Row(d, m.Committee, m.Title, m.HeldOn, today)).ToList());
    }

    private static DecisionRow Row(Decision d, CommitteeKind committee, string meetingTitle, DateOnly heldOn, DateOnly today) => new(d.Id, d.MeetingId,
        committee, meetingTitle, heldOn, d.Text, d.OwnerOrganisation, d.OwnerName, d.OwnerUserId, d.DueOn, d.Status, d.ProgressNote, d.StatusChangedAt,
        d.IsOverdue(today));

    /// <summary>
    /// Decisions of published minutes for the follow-up, keyset-paged. Open and overdue views put the earliest due first
    /// (undated last); the history (done, dropped, all) puts the latest meeting first. Overdue is flagged for today.
    /// </summary>
    public async Task<KeysetPage<DecisionRow>> DecisionsAsync(DecisionQuery query, CancellationToken ct = default)
    {
        var today = Today;
        var q = db.Set<Decision>().Join(db.Set<Meeting>().Where(m => m.Status == MinutesStatus.Published), d => d.MeetingId, m => m.Id,
            (d, m) => new FollowUp { Decision = d, Committee = m.Committee, Title = m.Title, HeldOn = m.HeldOn });
        q = query.Status switch
        {
            DecisionFilter.Open => q.Where(x => x.Decision.Status == DecisionStatus.Open),
            DecisionFilter.Overdue => q.Where(x => x.Decision.Status == DecisionStatus.Open && x.Decision.DueOn < today),
            DecisionFilter.Done => q.Where(x => x.Decision.Status == DecisionStatus.Done),
            DecisionFilter.Dropped => q.Where(x => x.Decision.Status == DecisionStatus.Dropped),
            _ => q,
        };
        if (query.Committee is { } k) q = q.Where(x => x.Committee == k);
        if (!string.IsNullOrWhiteSpace(query.Owner))
        {
            var owner = query.Owner.Trim();
            q = q.Where(x => x.Decision.OwnerName == owner || x.Decision.OwnerOrganisation == owner);
        }
        var byDue = query.Status is DecisionFilter.Open or DecisionFilter.Overdue;
        var after = KeysetCursor.TryDecodeKey(query.Cursor, out var key, out var id) && DateOnly.TryParseExact(key, "yyyy-MM-dd", out var day) ? day : (DateOnly?)null;
        List<FollowUp> rows;
        if (byDue)
        {
            // Undated decisions sort as the last possible day.
            if (after is { } a) q = q.Where(x => (x.Decision.DueOn ?? DateOnly.MaxValue) > a || ((x.Decision.DueOn ?? DateOnly.MaxValue) == a && x.Decision.Id.CompareTo(id) > 0));
            rows = await q.OrderBy(x => x.Decision.DueOn ?? DateOnly.MaxValue).ThenBy(x => x.Decision.Id).Take(PageSize + 1).ToListAsync(ct);
        }
        else
        {
            if (after is { } a) q = q.Where(x => x.HeldOn < a || (x.HeldOn == a && x.Decision.Id.CompareTo(id) < 0));
            rows = await q.OrderByDescending(x => x.HeldOn).ThenByDescending(x => x.Decision.Id).Take(PageSize + 1).ToListAsync(ct);
        }
        string? next = null;
        if (rows.Count > PageSize)
        {
            var last = rows[PageSize - 1];
            var lastKey = byDue ? last.Decision.DueOn ?? DateOnly.MaxValue : last.HeldOn;
            next = KeysetCursor.Encode(lastKey.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), last.Decision.Id);
        }
        return new KeysetPage<DecisionRow>(rows.Take(PageSize).Select(x => Row(x.Decision, x.Committee, x.Title, x.HeldOn, today)).ToList(), next);
    }

    // Built by member initialisation, so that EF can still filter and sort on its members.
    private sealed class FollowUp
    {
        public required Decision Decision { get; init; }
        public CommitteeKind Committee { get; init; }
        public required string Title { get; init; }
        public DateOnly HeldOn { get; init; }
    }

    /// <summary>Open and overdue decisions of published minutes, whatever the view.</summary>
    public async Task<DecisionCounts> DecisionCountsAsync(CancellationToken ct = default)
    {
        var today = Today;
        var open = db.Set<Decision>().Where(d => d.Status == DecisionStatus.Open
            && db.Set<Meeting>().Any(m => m.Id == d.MeetingId && m.Status == MinutesStatus.Published));
        return new DecisionCounts(await open.CountAsync(ct), await open.CountAsync(d => d.DueOn < today, ct));
    }

    /// <summary>The owners to filter by: every name and organisation carrying a decision of published minutes, sorted.</summary>
    public async Task<IReadOnlyList<string>> DecisionOwnersAsync(CancellationToken ct = default)
    {
        var published = db.Set<Decision>().Where(d => db.Set<Meeting>().Any(m => m.Id == d.MeetingId && m.Status == MinutesStatus.Published));
        var names = await published.Where(d => d.OwnerName != null).Select(d => d.OwnerName!).Distinct().ToListAsync(ct);
        var organisations = await published.Where(d => d.OwnerOrganisation != null).Select(d => d.OwnerOrganisation!).Distinct().ToListAsync(ct);
        return names.Concat(organisations).Distinct(StringComparer.Ordinal).Order(StringComparer.CurrentCulture).ToList();
    }

    public async Task<Guid> CreateAsync(string adminId, MeetingInput input, CancellationToken ct = default)
    {
        var meeting = new Meeting(Guid.NewGuid(), input.Committee, input.Title, input.HeldOn, input.Place, input.IsRemote, Now);
        Apply(meeting, input);
        db.Add(meeting);
        audit.Record(adminId, "meeting.created", nameof(Meeting), meeting.Id.ToString());
        await db.SaveChangesAsync(ct);
        return meeting.Id;
    }

    public async Task UpdateAsync(string adminId, Guid id, MeetingInput input, CancellationToken ct = default)
    {
        var meeting = await LoadAsync(id, ct);
        meeting.Reschedule(input.Committee, input.Title, input.HeldOn, input.Place, input.IsRemote);
        Apply(meeting, input);
        audit.Record(adminId, "meeting.updated", nameof(Meeting), id.ToString());
        await MeetingIndexing.IndexAsync(search, meeting, ct);
        await db.SaveChangesAsync(ct);
    }

    private static void Apply(Meeting meeting, MeetingInput input)
    {
        meeting.WriteMinutes(input.MinutesMarkdown);
        meeting.SetAgenda(input.Agenda);
        meeting.SetAttendance(input.Participants, input.Absentees);
    }

    public async Task AddDecisionAsync(string adminId, Guid meetingId, DecisionInput input, CancellationToken ct = default)
    {
        var meeting = await LoadAsync(meetingId, ct);
        var d = meeting.AddDecision(input.Text, input.OwnerOrganisation, input.OwnerName, input.OwnerUserId, input.OwnerEmail, input.DueOn,
            input.OwnerEmailCulture);
        db.Add(d);
        audit.Record(adminId, "meeting.decision-added", nameof(Decision), d.Id.ToString(), $"meeting={meetingId}");
        // Added to published minutes (a correction): the owner hears of it now; in a draft, at publication.
        if (meeting.IsPublished && DecisionMails.Assigned(d, meeting, links) is { } mail) outbox.Enqueue(mail);
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveDecisionAsync(string adminId, Guid meetingId, Guid decisionId, CancellationToken ct = default)
    {
        var meeting = await LoadAsync(meetingId, ct);
        meeting.RemoveDecision(decisionId);
        audit.Record(adminId, "meeting.decision-removed", nameof(Decision), decisionId.ToString(), $"meeting={meetingId}");
        await db.SaveChangesAsync(ct);
    }

    public async Task SetPublishedAsync(string adminId, Guid meetingId, bool publish, CancellationToken ct = default)
    {
        var meeting = await LoadAsync(meetingId, ct);
        if (publish) meeting.Publish(Now); else meeting.Unpublish();
        audit.Record(adminId, publish ? "meeting.published" : "meeting.unpublished", nameof(Meeting), meetingId.ToString());
        // Each owner is told once: a re-publication after a correction skips those already told.
        if (publish) await outbox.EnqueueNewAsync(meeting.Decisions.Select(d => DecisionMails.Assigned(d, meeting, links)).OfType<OutgoingMail>().ToList(), ct);
        await MeetingIndexing.IndexAsync(search, meeting, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The owner (a person with an account) or a committee secretary records progress on a decision.</summary>
    public async Task RecordProgressAsync(string userId, bool isAdministrator, Guid decisionId, DecisionStatus status, string? note, CancellationToken ct = default)
    {
        var decision = await db.Set<Decision>().FirstOrDefaultAsync(d => d.Id == decisionId, ct) ?? throw DomainException.NotFound("UnknownDecision");
        if (!isAdministrator && !await db.Set<Meeting>().AnyAsync(m => m.Id == decision.MeetingId && m.Status == MinutesStatus.Published, ct))
            throw DomainException.NotFound("UnknownDecision");
        decision.RecordProgress(status, note, userId, isAdministrator, Now);
        audit.Record(userId, "meeting.decision-progress", nameof(Decision), decisionId.ToString(), $"{status}: {note}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Called by the host when an account confirms <paramref name="email"/>: the decisions owned by that bare address (any case)
    /// and by no account become that account's, so it is mailed in its language and may record progress. Idempotent.
    /// </summary>
    public async Task<int> LinkOwnerAccountAsync(string userId, string email, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (string.IsNullOrWhiteSpace(email)) return 0;
        // Upper case as Identity normalises addresses; SQL Server compares ignoring case anyway.
        var upper = email.Trim().ToUpperInvariant();
        var decisions = await db.Set<Decision>().Where(d => d.OwnerUserId == null && d.OwnerEmail != null && d.OwnerEmail.ToUpper() == upper).ToListAsync(ct);
        var linked = decisions.Where(d => d.LinkOwnerAccount(userId, email)).ToList();
        foreach (var d in linked) audit.Record(userId, "meeting.decision-owner-linked", nameof(Decision), d.Id.ToString(), $"meeting={d.MeetingId}");
        if (linked.Count > 0) await db.SaveChangesAsync(ct);
        return linked.Count;
    }

    private async Task<Meeting> LoadAsync(Guid id, CancellationToken ct)
        => await db.Set<Meeting>().Include(m => m.Agenda).Include(m => m.Attendees).Include(m => m.Decisions).AsSplitQuery()
               .FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw DomainException.NotFound("UnknownMeeting");
}
