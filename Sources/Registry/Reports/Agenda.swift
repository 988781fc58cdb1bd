/// The weekly agenda (`registry report agenda`): what needs attention now, each item naming the
/// record and why, in the order a meeting takes them. `:today` is the agenda's day, `:until` the
/// last day of the activities coming up, `:stalled` the day before which a partnership in talks
/// counts as stalled (60 days before today).
enum Agenda {
    /// Days without a change after which a partnership still in talks is stalled.
    static let stalledAfterDays = 60

    static let sql: String = {
        let partnershipJoins = BusinessRule.partnershipJoins
        let partnership = BusinessRule.partnership
        var parts = [
            // Activities starting soon that lack what a visit needs.
            """
            SELECT 1 AS rank, 'activity to prepare' AS item,
                'activity #' || activity.id || ' ''' || activity.title || ''' (' || city.name || '/' || partner.name || ')' AS record,
                'starts ' || activity.start_date || ' without '
                    || CASE WHEN activity.participants IS NULL AND activity.location IS NULL THEN 'participants or a location'
                        WHEN activity.participants IS NULL THEN 'participants' ELSE 'a location' END AS why,
                activity.start_date AS date
            FROM activity JOIN partnership ON partnership.id = activity.partnership_id \(partnershipJoins)
            WHERE activity.status = 'planned' AND activity.start_date BETWEEN :today AND :until
                AND (activity.participants IS NULL OR activity.location IS NULL)
            """,
            // Partnerships in talks that nobody has touched for two months. Rows that came in by an
            // import have no entry of their own: the latest import of partnerships stands for them.
            """
            SELECT 2, 'partnership stalled', \(partnership),
                partnership.status || ', no change since ' || substr(changed.at, 1, 10) || ' (' || CAST(julianday(:today) - julianday(substr(changed.at, 1, 10)) AS INTEGER) || ' days)',
                substr(changed.at, 1, 10)
            FROM partnership \(partnershipJoins)
            JOIN (
                SELECT partnership.id AS id, coalesce(own.at, (SELECT max(changed_at) FROM audit_log WHERE table_name = 'partnership' AND action = 'import')) AS at
                FROM partnership
                LEFT JOIN (SELECT row_id, max(changed_at) AS at FROM audit_log WHERE table_name = 'partnership' AND row_id IS NOT NULL GROUP BY row_id) AS own
                    ON own.row_id = partnership.id
            ) AS changed ON changed.id = partnership.id
            WHERE partnership.status IN ('proposed', 'contacted') AND substr(changed.at, 1, 10) < :stalled
            """,
            // Completed partnerships whose end-of-project questions are not answered.
            """
            SELECT 3, 'answers missing', \(partnership),
                'completed' || coalesce(' ' || partnership.end_date, '') || ', without '
                    || rtrim(CASE WHEN partnership.improved_knowledge IS NULL THEN 'improved_knowledge, ' ELSE '' END
                        || CASE WHEN partnership.continues IS NULL THEN 'continues, ' ELSE '' END
                        || CASE WHEN partnership.lasting_effects IS NULL THEN 'lasting_effects, ' ELSE '' END, ', '),
                partnership.end_date
            FROM partnership \(partnershipJoins)
            WHERE partnership.status = 'completed'
                AND (partnership.improved_knowledge IS NULL OR partnership.continues IS NULL OR partnership.lasting_effects IS NULL)
            """,
            // Selected towns still without an agreed partner (the unmatched report).
            """
            SELECT 4, 'town without partner', 'city #' || city_id || ' ' || city,
                'selected, ' || CASE partnerships_in_talks WHEN 0 THEN 'no partnership in talks' WHEN 1 THEN '1 partnership in talks'
                    ELSE partnerships_in_talks || ' partnerships in talks' END,
                NULL
            FROM report_unmatched
            """,
        ]
        // The spending rules that `check` warns about.
        parts += BusinessRule.spending.map { rule in
            "SELECT 5, 'spending rule ' || '\(rule.name)', record, detail, NULL FROM (\(rule.sql))"
        }
        // Claims waiting for verification, per partnership.
        parts.append(
            """
            SELECT 6, 'claims to verify', \(partnership),
                count(*) || CASE count(*) WHEN 1 THEN ' claimed expense, ' ELSE ' claimed expenses, ' END
                    || \(BusinessRule.euros("sum(expense.amount_cents)")) || ' EUR, the oldest of ' || coalesce(min(expense.spent_date), 'no date'),
                min(expense.spent_date)
            FROM expense JOIN activity ON activity.id = expense.activity_id JOIN partnership ON partnership.id = activity.partnership_id
                \(partnershipJoins)
            WHERE expense.status = 'claimed'
            GROUP BY partnership.id
            """)
        return "SELECT item, record, why, date FROM (\n" + parts.joined(separator: "\nUNION ALL\n") + "\n) ORDER BY rank, date, record"
    }()
}
