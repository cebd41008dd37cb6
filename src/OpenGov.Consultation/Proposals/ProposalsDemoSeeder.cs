using Microsoft.EntityFrameworkCore;
using OpenGov.Consultation.Associations;
using OpenGov.Consultation.Cycles;
using OpenGov.SharedKernel.Demo;
using OpenGov.SharedKernel.Search;

namespace OpenGov.Consultation.Proposals;

/// <summary>
/// Ideas of the 2024 co-creation cycle, inspired by the project commitments discussed at the 22 February 2024
/// steering committee (open local government, press code consultation, Amazigh-speaking users, access to information,
/// open data, youth participation...), in French and Arabic, in every status.
/// </summary>
internal sealed class ProposalsDemoSeeder(DbContext db, ISearchIndex search) : IDemoSeeder
{
    public int Order => 20;

    private sealed record Idea(string Axis, string Region, string Title, string Problem, string Solution, string Impact,
        ProposalStatus Status, int Author, string[] Comments, int Supports);

    private static readonly Idea[] Ideas =
    [
        new("local-open-government", "souss-massa", "Programme d'appui aux collectivités territoriales ouvertes",
            "Peu de communes publient leurs budgets, leurs délibérations ou associent les habitants à leurs décisions.",
            "Accompagner un premier groupe de communes volontaires avec un guide méthodologique, des critères d'évaluation et un partage d'expérience.",
            "Des conseils communaux qui publient et consultent ; un modèle reproductible dans les 12 régions.",
            ProposalStatus.Published, 0, ["Il faudrait préciser quelles collectivités seront ciblées en priorité.", "نقترح إشراك الجمعيات المحلية في تقييم البرنامج."], 14),
        new("citizen-participation", "national", "Consultation publique sur la modification du code de la presse et de l'édition",
            "L'espace civique se renforce quand la loi sur la presse est révisée avec les journalistes et les citoyens.",
            "Publier la méthodologie participative, le calendrier, les mécanismes de participation, puis les résultats et le projet de loi.",
            "Un code de la presse révisé avec la participation des professionnels et de la société civile.",
            ProposalStatus.Published, 1, ["Très bonne idée, à condition de publier toutes les contributions reçues."], 22),
        new("access-to-information", "national", "مراجعة القانون المتعلق بالحق في الحصول على المعلومات بشكل تشاركي",
            "ما زالت آجال الرد على طلبات الحصول على المعلومات طويلة، والاستثناءات واسعة وغير واضحة.",
            "تنظيم استشارة عمومية حول مراجعة القانون 31.13 ونشر حصيلة الطلبات والردود لكل إدارة.",
            "تحسين نسبة الرد على الطلبات وتقليص الآجال.",
            ProposalStatus.Published, 0, ["يجب نشر إحصائيات سنوية عن الطلبات المرفوضة وأسباب الرفض.", "Je soutiens : la commission du droit d'accès à l'information doit être associée."], 31),
        new("access-to-information", "rabat-sale-kenitra", "Renforcer la publication des données ouvertes et leur réutilisation",
            "Les jeux de données publiés sur le portail national sont rarement mis à jour et peu réutilisés.",
            "Clarifier le cadre juridique des données ouvertes, évaluer la qualité des données publiées et organiser des concours de réutilisation.",
            "Plus de jeux de données à jour et des services créés par les développeurs et les journalistes.",
            ProposalStatus.Published, 1, ["Ajouter une activité d'évaluation de la qualité des données au regard des besoins des réutilisateurs."], 9),
        new("citizen-participation", "oriental", "تسهيل ولوج الناطقين بالأمازيغية إلى الخدمات العمومية",
            "يجد المرتفقون الناطقون بالأمازيغية صعوبة في فهم المساطر الإدارية والولوج إلى المعلومات.",
            "ترجمة المساطر الأساسية وتوفير الاستقبال بالأمازيغية في المرافق العمومية مع إشراك الجمعيات.",
            "ولوج منصف إلى الخدمات العمومية للفئات الهشة.",
            ProposalStatus.Published, 0, [], 17),
        new("citizen-participation", "casablanca-settat", "Forums jeunesse sur la participation politique des jeunes",
            "Les jeunes participent peu à la vie publique et ne connaissent pas les mécanismes de pétition.",
            "Organiser des forums régionaux et publier leurs recommandations avec les réponses des institutions.",
            "Une participation accrue des jeunes aux consultations et aux pétitions.",
            ProposalStatus.Published, 1, ["Pensez aussi aux jeunes des zones rurales."], 6),
        new("budget-transparency", "national", "Publier un budget citoyen pour chaque région",
            "Le budget citoyen national existe, mais les habitants ne savent pas comment leur région dépense.",
            "Chaque conseil régional publie un budget citoyen simple, en arabe, en amazighe et en français.",
            "Des citoyens mieux informés sur les dépenses régionales.",
            ProposalStatus.Published, 0, ["Avec des données ouvertes réutilisables, pas seulement des PDF."], 12),
        new("integrity", "national", "نشر التصريحات بالممتلكات بشكل مبسط",
            "لا يطلع المواطنون على أي معطيات بخصوص التصريح بالممتلكات.",
            "نشر معطيات مجمعة حول احترام آجال التصريح بالممتلكات حسب الفئات.",
            "تعزيز الثقة في المؤسسات ومحاربة الإثراء غير المشروع.",
            ProposalStatus.Submitted, 1, [], 0),
        new("communication", "marrakech-safi", "Plan de communication pour l'autonomisation économique des femmes",
            "Les programmes pour l'égalité sont mal connus des femmes entrepreneures.",
            "Publier des indicateurs de mise en œuvre et associer la société civile au suivi.",
            "Plus de femmes bénéficiaires des programmes.",
            ProposalStatus.Submitted, 0, [], 0),
        new("communication", "national", "Guide de simplification des parcours usagers",
            "Les démarches restent complexes.",
            "Un guide méthodologique pour les administrations.",
            "Des démarches plus simples.",
            ProposalStatus.Rejected, 1, [], 0),
        new("local-open-government", "fes-meknes", "Retransmettre en direct les sessions des conseils communaux",
            "Les sessions des conseils communaux sont publiques mais peu de citoyens peuvent y assister.",
            "Diffuser les sessions en ligne et publier les procès-verbaux sous huit jours.",
            "Un meilleur suivi des décisions locales.",
            ProposalStatus.Draft, 0, [], 0),
    ];

    public async Task SeedAsync(DemoContext context, CancellationToken ct)
    {
        if (await db.Set<Proposal>().AnyAsync(p => p.CycleId == DemoIds.Cycle2024, ct)) return;
        var axes = await db.Set<CycleAxis>().Where(a => a.CycleId == DemoIds.Cycle2024).ToDictionaryAsync(a => a.Code, a => a.Id, ct);
        if (axes.Count == 0) return;
        string[] authors =
        [
            await context.EnsureUserAsync("salma.benali@demo.opengov.ma", "Salma Benali", null),
            await context.EnsureUserAsync("yassine.elamrani@demo.opengov.ma", "ياسين العمراني", null),
        ];
        var commenters = new[]
        {
            await context.EnsureUserAsync("hamid.ouchen@demo.opengov.ma", "Hamid Ouchen", null),
            await context.EnsureUserAsync("fatima.zahra@demo.opengov.ma", "فاطمة الزهراء", null),
        };
        var association = await db.Set<Association>().Where(a => a.Status == AssociationStatus.Verified)
            .Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync(ct);
        // The 2024 collection ran from October to December 2023.
        var t = new DateTime(2023, 10, 5, 9, 0, 0, DateTimeKind.Utc);
        var i = 0;
        foreach (var idea in Ideas)
        {
            // The cycle may have been created by hand with fewer axes: seed only what fits it.
            if (!axes.ContainsKey(idea.Axis)) continue;
            i++;
            var author = authors[idea.Author];
            var asAssociation = association is not null && i == 2;
            var p = new Proposal(Guid.NewGuid(), DemoIds.Cycle2024, author, idea.Author == 0 ? "Salma Benali" : "ياسين العمراني",
                asAssociation ? SubmitterType.Association : SubmitterType.Citizen, asAssociation ? association!.Id : null, asAssociation ? association!.Name : null,
                new ProposalContent(idea.Title, idea.Problem, idea.Solution, axes[idea.Axis], idea.Region, idea.Impact), t.AddDays(i));
            if (idea.Status != ProposalStatus.Draft) p.Submit(t.AddDays(i).AddHours(1));
            if (idea.Status == ProposalStatus.Published) p.Publish(t.AddDays(i + 1));
            if (idea.Status == ProposalStatus.Rejected)
                p.Reject("Sans lien direct avec les principes du gouvernement ouvert (transparence, participation, redevabilité).", t.AddDays(i + 1));
            db.Add(p);
            db.Add(new ProposalCredit(p.Id, author, p.AuthorDisplayName, p.AssociationName, null, p.CreatedAt));
            for (var s = 0; s < idea.Supports; s++)
            {
                db.Add(new ProposalSupport(p.Id, await context.EnsureUserAsync($"soutien{s}@demo.opengov.ma", $"Soutien {s + 1}", null), t.AddDays(i + 2)));
                p.SupportAdded();
            }
            var c = 0;
            foreach (var body in idea.Comments)
            {
                var who = commenters[c++ % commenters.Length];
                db.Add(new ProposalComment(p.Id, null, who, who == commenters[0] ? "Hamid Ouchen" : "فاطمة الزهراء", body, t.AddDays(i + 3).AddMinutes(c)));
                p.CommentAdded();
            }
            if (p.IsPublic) await ProposalSearch.IndexAsync(search, p, ct);
        }
        await db.SaveChangesAsync(ct);
    }
}
