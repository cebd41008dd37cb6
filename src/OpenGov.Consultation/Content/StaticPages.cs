using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OpenGov.Consultation.Content;

/// <summary>
/// The static pages every installation needs (about, OGP in Morocco, how co-creation works, terms of use, personal-data notice
/// under law 09-08). Created at start-up when missing, in every environment, then owned by the administrators: an existing page
/// is never overwritten.
/// </summary>
public static class StaticPages
{
    public sealed record Page(string Slug, LocalizedText Fr, LocalizedText Ar, LocalizedText En);

    public static readonly IReadOnlyList<Page> All =
    [
        new("about",
            new("À propos d'OpenGov", """
                OpenGov est la plateforme de co-création et de consultation du **Plan d'Action National** du Maroc pour le
                gouvernement ouvert. Citoyens, associations et administrations y proposent des idées, commentent les projets
                d'engagements, suivent la mise en œuvre du plan et participent aux événements de co-création.
                """),
            new("حول المنصة", """
                OpenGov هي منصة الإبداع المشترك والتشاور حول **مخطط العمل الوطني** للحكومة المنفتحة بالمغرب. يقترح فيها
                المواطنون والجمعيات والإدارات أفكارهم، ويعلقون على مشاريع الالتزامات، ويتابعون تنفيذ المخطط.
                """),
            new("About OpenGov", """
                OpenGov is the co-creation and consultation platform of Morocco's **National Action Plan** for open government.
                Citizens, associations and administrations propose ideas, comment on draft commitments and follow the plan's implementation.
                """)),
        new("ogp-morocco",
            new("Le Maroc et le Partenariat pour un Gouvernement Ouvert", """
                Le Maroc a rejoint le **Partenariat pour un Gouvernement Ouvert** (PGO / OGP) en 2018. Chaque plan d'action national
                est co-construit avec la société civile et suivi par un comité de pilotage paritaire.

                Les principes : transparence, participation citoyenne, redevabilité et innovation.
                """),
            new("المغرب وشراكة الحكومة المنفتحة", """
                انضم المغرب إلى **شراكة الحكومة المنفتحة** سنة 2018. يتم إعداد كل مخطط عمل وطني بشراكة مع المجتمع المدني،
                وتتابعه لجنة قيادة متساوية التمثيلية. المبادئ: الشفافية، المشاركة المواطنة، المساءلة والابتكار.
                """),
            new("Morocco and the Open Government Partnership", """
                Morocco joined the **Open Government Partnership** (OGP) in 2018. Each national action plan is co-created with civil
                society and followed by a joint steering committee. The principles: transparency, participation, accountability, innovation.
                """)),
        new("how-co-creation-works",
            new("Comment fonctionne la co-création", """
                1. **Collecte des idées** : chacun propose des idées pendant la phase ouverte.
                2. **Priorisation** : le comité étudie et classe les idées, avec un retour motivé pour chacune.
                3. **Rédaction** : les administrations rédigent les fiches d'engagement.
                4. **Consultation publique** : les fiches sont commentées section par section.
                5. **Adoption** puis **suivi** public de la mise en œuvre.

                Des webinaires de co-création et des ateliers thématiques accompagnent chaque étape.
                """),
            new("كيف يعمل الإبداع المشترك", """
                1. **جمع الأفكار** خلال المرحلة المفتوحة.
                2. **ترتيب الأولويات** مع رد معلل على كل فكرة.
                3. **الصياغة** من طرف الإدارات.
                4. **الاستشارة العمومية** حول بطاقات الالتزامات.
                5. **المصادقة** ثم **التتبع** العمومي للتنفيذ.
                """),
            new("How co-creation works", """
                1. **Idea collection** during the open phase.
                2. **Prioritisation** by the committee, with a reasoned response to every idea.
                3. **Drafting** of commitment sheets by the administrations.
                4. **Public consultation**, section by section.
                5. **Adoption**, then public **tracking** of the implementation.
                """)),
        new("terms",
            new("Conditions d'utilisation", """
                En contribuant, vous acceptez que vos contributions soient publiées sous votre nom public et réutilisées sous
                la licence des données ouvertes du site. Les contenus injurieux, diffamatoires ou hors sujet sont modérés.
                """),
            new("شروط الاستخدام", """
                بمساهمتك، توافق على نشر مساهماتك باسمك العلني وإعادة استعمالها وفق رخصة البيانات المفتوحة للمنصة.
                يتم إشراف المحتويات المسيئة أو الخارجة عن الموضوع.
                """),
            new("Terms of use", """
                By contributing, you agree that your contributions are published under your public name and reused under the
                site's open-data licence. Abusive, defamatory or off-topic content is moderated.
                """)),
        new("personal-data",
            new("Protection des données personnelles (loi 09-08)", """
                Conformément à la **loi n° 09-08** relative à la protection des personnes physiques à l'égard du traitement des
                données à caractère personnel, et sous le contrôle de la **CNDP** :

                - seules les données nécessaires sont collectées (nom public, adresse e-mail, inscriptions aux événements) ;
                - votre adresse e-mail n'est jamais publiée ni exportée dans les données ouvertes ;
                - vous disposez d'un droit d'accès, de rectification et d'opposition, à exercer auprès des administrateurs de la plateforme.
                """),
            new("حماية المعطيات الشخصية (القانون 09-08)", """
                طبقا **للقانون رقم 09-08** المتعلق بحماية الأشخاص الذاتيين تجاه معالجة المعطيات ذات الطابع الشخصي، وتحت مراقبة
                **اللجنة الوطنية لمراقبة حماية المعطيات ذات الطابع الشخصي**: لا تُجمع إلا المعطيات الضرورية، ولا يُنشر بريدك
                الإلكتروني أبدا، ولك حق الولوج والتصحيح والتعرض.
                """),
            new("Personal data protection (law 09-08)", """
                Under **law 09-08** on the protection of individuals with regard to the processing of personal data, supervised by
                the **CNDP**: only necessary data is collected, your e-mail address is never published nor exported as open data, and
                you have the rights of access, rectification and objection.
                """)),
    ];

    /// <summary>Creates the missing static pages (published, indexed). Idempotent.</summary>
    public static async Task EnsureAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        var editing = scope.ServiceProvider.GetRequiredService<ContentEditing>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var existing = await db.Set<ContentItem>().Where(c => c.Kind == ContentKind.Page).Select(c => c.Slug).ToListAsync(ct);
        foreach (var page in All.Where(p => !existing.Contains(p.Slug)))
        {
            var item = new ContentItem(Guid.NewGuid(), ContentKind.Page, page.Slug, page.Fr, now);
            item.Edit(page.Slug, page.Fr, page.Ar, page.En, "system", now);
            item.Publish(now);
            db.Add(item);
            await editing.IndexAsync(item, ct);
        }
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Runs <see cref="StaticPages.EnsureAsync"/> when the host starts (after the migrations Program applies).</summary>
internal sealed class StaticPagesStartup(IServiceProvider services, ILogger<StaticPagesStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try { await StaticPages.EnsureAsync(services, cancellationToken); }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // E.g. migrations not applied yet (Database:MigrateOnStart=false): the pages are created at the next start.
            logger.LogWarning(ex, "Static pages not created");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
