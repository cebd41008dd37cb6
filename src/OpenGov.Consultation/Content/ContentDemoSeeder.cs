using Microsoft.EntityFrameworkCore;
using OpenGov.SharedKernel.Demo;

namespace OpenGov.Consultation.Content;

/// <summary>Demo news, drawn from the steering-committee minutes (demo mode only; static pages exist in every environment).</summary>
internal sealed class ContentDemoSeeder(DbContext db, ContentEditing editing) : IDemoSeeder
{
    public int Order => 50;

    public async Task SeedAsync(DemoContext context, CancellationToken ct)
    {
        if (await db.Set<ContentItem>().AnyAsync(c => c.Kind == ContentKind.News, ct)) return;
        var admin = context.UserIdsByRole.GetValueOrDefault("Administrator") ?? "system";
        await editing.SaveAsync(null, ContentKind.News, "lancement-pan3",
            new LocalizedText("Lancement de la co-création du troisième plan d'action national", """
                Le comité de pilotage du 22 février 2024 a validé les étapes de la co-création du **PAN3** : réunions de coordination
                avec les administrations, consultation publique sur les projets d'engagements, adoption, puis publication du retour
                sur chaque idée et d'un rapport synthétique.
                """),
            new LocalizedText("إطلاق الإبداع المشترك لمخطط العمل الوطني الثالث", """
                صادقت لجنة القيادة بتاريخ 22 فبراير 2024 على مراحل إعداد مخطط العمل الوطني الثالث: اجتماعات التنسيق مع الإدارات،
                الاستشارة العمومية حول مشاريع الالتزامات، المصادقة ثم نشر الرد على كل فكرة.
                """),
            new LocalizedText("Co-creation of the third national action plan begins", """
                The steering committee of 22 February 2024 approved the steps of the third plan's co-creation: coordination with the
                administrations, public consultation on draft commitments, adoption, then feedback on every idea.
                """),
            publish: true, admin, ct);
        await editing.SaveAsync(null, ContentKind.News, "semaine-gouvernement-ouvert",
            new LocalizedText("Semaine du gouvernement ouvert : proposez vos événements", """
                À l'occasion de la semaine internationale du gouvernement ouvert, associations, administrations et universités
                peuvent proposer leurs événements. Les événements acceptés rejoignent le programme public.
                """),
            new LocalizedText("أسبوع الحكومة المنفتحة: اقترحوا أنشطتكم", """
                بمناسبة الأسبوع الدولي للحكومة المنفتحة، يمكن للجمعيات والإدارات والجامعات اقتراح أنشطتها لتنضاف إلى البرنامج العمومي.
                """),
            null, publish: true, admin, ct);
    }
}
