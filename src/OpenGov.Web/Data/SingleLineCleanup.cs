namespace OpenGov.Web.Data;

/// <summary>
/// SQL for the SingleLineFields migration: single-line columns written before the rule existed lose their line breaks
/// and control characters (each run becomes a space), so old titles and names can no longer break mail subjects.
/// The column list is frozen as of that migration; later columns are guarded by SingleLineText when written.
/// </summary>
public static class SingleLineCleanup
{
    private static readonly (string Table, string Column)[] Columns =
    [
        ("Associations", "Name"), ("Associations", "Acronym"), ("Committees", "Name"), ("CommitteeMandates", "HolderName"),
        ("CommitteeMandates", "Organisation"), ("ContentItems", "TitleFr"), ("ContentItems", "TitleAr"), ("ContentItems", "TitleEn"),
        ("Cycles", "Title"), ("CycleAxes", "NameFr"), ("CycleAxes", "NameAr"), ("CycleAxes", "NameEn"), ("EvaluationCriteria", "Name"),
        ("Events", "Title"), ("Events", "OrganiserName"), ("EventRegistrations", "DisplayName"), ("AnswerTemplates", "Name"),
        ("ForumReplies", "AuthorName"), ("ForumThreads", "Title"), ("ForumThreads", "AuthorName"), ("MeetingDecisions", "OwnerName"),
        ("MeetingDecisions", "OwnerOrganisation"), ("Meetings", "Title"), ("MeetingAttendees", "Name"), ("MeetingAttendees", "Organisation"),
        ("Proposals", "Title"), ("Proposals", "AuthorDisplayName"), ("Proposals", "AssociationName"), ("ProposalComments", "AuthorDisplayName"),
        ("ProposalCredits", "DisplayName"), ("ProposalCredits", "AssociationName"), ("Agencies", "Name"), ("Agencies", "Acronym"),
        ("Sheets", "Title"), ("Sheets", "PublishedTitle"), ("SheetComments", "AuthorName"), ("SheetComments", "AssociationName"),
        ("SheetVersions", "AuthorName"), ("SearchEntries", "Title"), ("PlanActivities", "Title"), ("PlanCommitments", "Title"),
        ("PlanCommitments", "LeadAgency"), ("Plans", "Title"), ("PlanAxes", "NameFr"), ("PlanAxes", "NameAr"), ("PlanAxes", "NameEn"),
        ("AspNetUsers", "DisplayName"), ("AspNetUsers", "Organisation"),
    ];

    private static readonly int[] SqliteCodes = [13, 10, 9, 11, 12, 0x85, 0x2028, 0x2029];

    /// <summary>SQLite has no regular expressions: the characters met in practice (CR, LF, tab, VT, FF, U+0085, U+2028, U+2029).</summary>
    public static IEnumerable<string> Sqlite() => Columns.Select(c =>
    {
        var col = $"\"{c.Column}\"";
        var cleaned = SqliteCodes.Aggregate(col, (e, code) => $"replace({e}, char({code}), ' ')");
        return $"UPDATE \"{c.Table}\" SET {col} = trim({cleaned}) WHERE {col} <> trim({cleaned});";
    });

    public static IEnumerable<string> Postgres() => Columns.Select(c =>
    {
        const string controls = @"[\x01-\x1F\x7F-\x9F\u2028\u2029]";
        var col = $"\"{c.Column}\"";
        return $"UPDATE \"{c.Table}\" SET {col} = btrim(regexp_replace({col}, '{controls}+', ' ', 'g')) WHERE {col} ~ '{controls}';";
    });
}
