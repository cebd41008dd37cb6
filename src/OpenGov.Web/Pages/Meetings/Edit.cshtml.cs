using OpenGov.Web.Security;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OpenGov.Consultation.Committees;
using OpenGov.Consultation.Meetings;
using OpenGov.Web.Identity;
using OpenGov.Web.Pages.Associations;

namespace OpenGov.Web.Pages.Meetings;

/// <summary>Committee secretaries (administrators) draft a meeting's record: details, agenda, attendance, minutes and decisions.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class EditModel(MeetingService meetings, UserManager<AppUser> users) : CommunityPageModel
{
    // Two forms on one page: each handler binds and validates only its own form.
    public MeetingForm Input { get; set; } = new();
    public DecisionForm NewDecision { get; set; } = new();
    public MeetingView? Existing { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        ModelState.Clear();
        if (id is null)
        {
            Input.HeldOn = meetings.Today;
            return Page();
        }
        if (!await LoadAsync(id.Value, ct)) return NotFound();
        FillFromExisting();
        return Page();
    }

    private void FillFromExisting()
    {
        var m = Existing!;
        Input = new MeetingForm
        {
            Committee = m.Committee, Title = m.Title, HeldOn = m.HeldOn, Place = m.Place, IsRemote = m.IsRemote, Minutes = m.MinutesMarkdown,
            Agenda = string.Join('\n', m.Agenda),
            Participants = string.Join('\n', m.Attendees.Where(a => a.Present).Select(Line)),
            Absentees = string.Join('\n', m.Attendees.Where(a => !a.Present).Select(Line)),
        };
    }

    private static string Line(AttendeeRow a) => a.Name is null ? a.Organisation ?? "" : a.Organisation is null ? a.Name + " ;" : a.Name + " ; " + a.Organisation;

    /// <summary>"Name ; Organisation" per line; a line without ";" is an organisation.</summary>
    private static List<(string? Name, string? Organisation)> Parse(string? text) => (text ?? "").Split('\n')
        .Select(l => l.Trim()).Where(l => l.Length > 0)
        .Select(l => l.Split(';', 2) is [var n, var o] ? ((string?)n.Trim(), (string?)o.Trim()) : ((string?)null, (string?)l)).ToList();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Existing = await meetings.GetAsync(id, includeDrafts: true, ct);
        return Existing is not null;
    }

    private async Task<IActionResult> Redisplay(Guid? id, CancellationToken ct, bool refillMeeting = false)
    {
        if (id is { } x && !await LoadAsync(x, ct)) return NotFound();
        if (refillMeeting && Existing is not null) FillFromExisting();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, [Bind(Prefix = "Input")] MeetingForm input, CancellationToken ct)
    {
        if (Deny(Need.Administrator) is { } denied) return denied;
        Input = input;
        if (!ModelState.IsValid) return await Redisplay(id, ct);
        var meeting = new MeetingInput(Input.Committee, Input.Title, Input.HeldOn, Input.Place, Input.IsRemote, Input.Minutes ?? "",
            (Input.Agenda ?? "").Split('\n'), Parse(Input.Participants), Parse(Input.Absentees));
        return await AttemptAsync(Need.Administrator, async () =>
        {
            if (id is { } existing) await meetings.UpdateAsync(RequiredUserId, existing, meeting, ct);
            else id = await meetings.CreateAsync(RequiredUserId, meeting, ct);
            return Redirect($"/meetings/edit/{id}");
        }, () => Redisplay(id, ct));
    }

    public async Task<IActionResult> OnPostDecisionAsync(Guid id, [Bind(Prefix = "NewDecision")] DecisionForm newDecision, CancellationToken ct)
    {
        if (Deny(Need.Administrator) is { } denied) return denied;
        NewDecision = newDecision;
        if (!ModelState.IsValid) return await Redisplay(id, ct, refillMeeting: true);
        // An address held by an account makes that person the owner (they may record progress, and are mailed as the account);
        // any other address is kept to reach an owner without an account.
        var ownerUserId = string.IsNullOrWhiteSpace(NewDecision.OwnerEmail) ? null : (await users.FindByEmailAsync(NewDecision.OwnerEmail.Trim()))?.Id;
        return await AttemptAsync(Need.Administrator, async () =>
        {
            await meetings.AddDecisionAsync(RequiredUserId, id, new DecisionInput(NewDecision.Text!, NewDecision.OwnerOrganisation, NewDecision.OwnerName, ownerUserId,
                NewDecision.OwnerEmail, NewDecision.DueOn, NewDecision.OwnerEmailCulture), ct);
            return Redirect($"/meetings/edit/{id}#decisions");
        }, () => Redisplay(id, ct, refillMeeting: true));
    }

    public Task<IActionResult> OnPostRemoveDecisionAsync(Guid id, Guid decisionId, CancellationToken ct) => AttemptAsync(Need.Administrator, async () =>
    {
        await meetings.RemoveDecisionAsync(RequiredUserId, id, decisionId, ct);
        return Redirect($"/meetings/edit/{id}#decisions");
    }, () => Redisplay(id, ct, refillMeeting: true));

    public sealed class MeetingForm
    {
        public CommitteeKind Committee { get; set; }
        [Required, StringLength(300), SingleLine] public string Title { get; set; } = "";
        public DateOnly HeldOn { get; set; }
        [StringLength(500), SingleLine] public string? Place { get; set; }
        public bool IsRemote { get; set; }
        [StringLength(20000)] public string? Agenda { get; set; }
        [StringLength(40000)] public string? Participants { get; set; }
        [StringLength(40000)] public string? Absentees { get; set; }
        [StringLength(100000)] public string? Minutes { get; set; }
    }

    public sealed class DecisionForm
    {
        [Required, StringLength(4000)] public string? Text { get; set; }
        [StringLength(300), SingleLine] public string? OwnerOrganisation { get; set; }
        [StringLength(200), SingleLine] public string? OwnerName { get; set; }
        [StringLength(320), EmailAddress, SingleLine] public string? OwnerEmail { get; set; }
        public DateOnly? DueOn { get; set; }
        /// <summary>The language of the mails to the address while no account holds it.</summary>
        [StringLength(OpenGov.SharedKernel.Outbox.MailLanguage.MaxLength)] public string? OwnerEmailCulture { get; set; }
    }
}
