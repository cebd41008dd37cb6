using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OpenGov.Consultation.Workshops;
using OpenGov.Web.Identity;
using OpenGov.Web.Infrastructure.Errors;
using OpenGov.Web.Security;
using OpenGov.Web.Infrastructure.Web;

namespace OpenGov.Web.Pages.Workshops;

public sealed class ParticipantInput
{
    [SingleLine, StringLength(200)] public string? Name { get; set; }
    [SingleLine, StringLength(300)] public string? Organisation { get; set; }
    public bool Consented { get; set; }
}

public sealed class WorkshopForm
{
    public Guid CycleId { get; set; }
    public Guid? EventId { get; set; }
    [Required, SingleLine, StringLength(200)] public string? Title { get; set; }
    [Required] public string Region { get; set; } = OpenGov.SharedKernel.Regions.National;
    [Required] public DateOnly? HeldOn { get; set; }
    [Range(1, Workshop.MaxParticipants)] public int ParticipantCount { get; set; } = 1;
    public List<ParticipantInput> Named { get; set; } = [];
}

/// <summary>A facilitator records a regional workshop: its cycle, event, region, date, head count and the participants named with consent.</summary>
[Authorize(Policy = Policies.Facilitator), EnableRateLimiting(RateLimits.Submit)]
public sealed class NewModel(WorkshopIdeas workshops, UserManager<AppUser> users) : PageModel, IRedisplayPage
{
    public const int NamedRows = 5;
    [BindProperty] public WorkshopForm Input { get; set; } = new();
    public WorkshopFormChoices Choices { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Choices = await workshops.FormChoicesAsync(ct);
        if (Choices.Cycles.Count > 0) Input.CycleId = Choices.Cycles[0].Id;
        Pad();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await RedisplayAsync();
        var id = await workshops.CreateAsync(users.GetUserId(User)!,
            new WorkshopInput(Input.CycleId, Input.EventId, Input.Title!, Input.Region, Input.HeldOn!.Value, Input.ParticipantCount),
            Input.Named.Select(n => new NamedParticipant(n.Name ?? "", n.Organisation, n.Consented)).ToList(), ct);
        return Redirect($"/workshops/{id}");
    }

    public async Task<IActionResult> RedisplayAsync()
    {
        Choices = await workshops.FormChoicesAsync(HttpContext.RequestAborted);
        Pad();
        return Page();
    }

    private void Pad()
    {
        Input.Named = Input.Named.Take(NamedRows).ToList();
        while (Input.Named.Count < NamedRows) Input.Named.Add(new ParticipantInput());
    }
}
