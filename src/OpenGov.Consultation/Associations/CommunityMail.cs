using OpenGov.SharedKernel.Outbox;

namespace OpenGov.Consultation.Associations;

/// <summary>
/// The community e-mails, in the recipient's language (French, Arabic or English). Plain text only:
/// user-written values are inserted as text, never as HTML.
/// </summary>
internal static class CommunityMail
{
    private static readonly Dictionary<string, (string Fr, string Ar, string En)> Texts = new()
    {
        ["association.verified.subject"] = ("Votre association « {0} » est vérifiée", "تم التحقق من جمعيتكم «{0}»", "Your association \"{0}\" is verified"),
        ["association.verified.body"] = ("Bonne nouvelle : « {0} » figure désormais dans l'annuaire public des associations. Ses membres approuvés peuvent participer au forum de la société civile et commenter au nom de l'association.\n\n{1}",
            "خبر سار: «{0}» مدرجة الآن في الدليل العمومي للجمعيات. يمكن لأعضائها المقبولين المشاركة في منتدى المجتمع المدني والتعليق باسم الجمعية.\n\n{1}",
            "Good news: \"{0}\" is now listed in the public directory of associations. Its approved members can take part in the civil-society forum and comment on behalf of the association.\n\n{1}"),
        ["association.rejected.subject"] = ("Votre demande d'inscription de « {0} » n'a pas été validée", "لم يتم قبول طلب تسجيل «{0}»", "The registration of \"{0}\" was not accepted"),
        ["association.rejected.body"] = ("La modération n'a pas validé l'inscription de « {0} ». Motif : {2}\n\nVous pouvez corriger la fiche et nous contacter : {1}",
            "لم تقبل الإشراف تسجيل «{0}». السبب: {2}\n\nيمكنكم تصحيح البطاقة والتواصل معنا: {1}",
            "The moderators did not accept the registration of \"{0}\". Reason: {2}\n\nYou can correct the profile and contact us: {1}"),
        ["membership.requested.subject"] = ("Nouvelle demande d'adhésion à « {0} »", "طلب انضمام جديد إلى «{0}»", "New membership request for \"{0}\""),
        ["membership.requested.body"] = ("{2} demande à rejoindre « {0} ». En tant que représentant·e, vous pouvez accepter ou refuser cette demande :\n\n{1}",
            "يطلب {2} الانضمام إلى «{0}». بصفتكم ممثلا للجمعية، يمكنكم قبول الطلب أو رفضه:\n\n{1}",
            "{2} asks to join \"{0}\". As its representative, you can approve or reject the request:\n\n{1}"),
        ["membership.approved.subject"] = ("Votre adhésion à « {0} » est acceptée", "تم قبول انضمامكم إلى «{0}»", "Your membership of \"{0}\" is approved"),
        ["membership.approved.body"] = ("Vous êtes désormais membre de « {0} ».\n\n{1}", "أصبحتم الآن عضوا في «{0}».\n\n{1}", "You are now a member of \"{0}\".\n\n{1}"),
        ["membership.rejected.subject"] = ("Votre demande d'adhésion à « {0} » n'a pas été acceptée", "لم يتم قبول طلب انضمامكم إلى «{0}»", "Your membership request for \"{0}\" was not approved"),
        ["membership.rejected.body"] = ("Le ou la représentant·e de « {0} » n'a pas accepté votre demande.\n\n{1}", "لم يقبل ممثل «{0}» طلبكم.\n\n{1}", "The representative of \"{0}\" did not approve your request.\n\n{1}"),
        ["forum.reply.subject"] = ("Nouvelle réponse : {0}", "رد جديد: {0}", "New reply: {0}"),
        ["forum.reply.body"] = ("{2} a répondu dans la discussion « {0} » :\n\n{3}\n\nLire la discussion : {1}\n\nVous recevez ce message car vous suivez cette discussion ; vous pouvez vous désabonner depuis sa page.",
            "رد {2} في النقاش «{0}»:\n\n{3}\n\nقراءة النقاش: {1}\n\nتتوصلون بهذه الرسالة لأنكم تتابعون هذا النقاش؛ يمكنكم إلغاء المتابعة من صفحته.",
            "{2} replied in \"{0}\":\n\n{3}\n\nRead the thread: {1}\n\nYou receive this because you follow this thread; you can unsubscribe from its page."),
    };

    public static string Text(string key, string culture, params object[] args)
    {
        var (fr, ar, en) = Texts[key];
        var format = culture.StartsWith("ar", StringComparison.Ordinal) ? ar : culture.StartsWith("en", StringComparison.Ordinal) ? en : fr;
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);
    }

    public static OutgoingMail Compose(string category, string templateKey, CommunityContact to, string? dedupKey, params object[] args)
        => new(category, to.Email, Text(templateKey + ".subject", to.Culture, args), Text(templateKey + ".body", to.Culture, args),
            RecipientUserId: to.UserId, Culture: to.Culture, DedupKey: dedupKey);
}
