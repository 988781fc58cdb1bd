extension SchemaDescriptions {
    /// The records staff create: towns, partners, contacts, partnerships, activities, expenses.
    static let records: [String: TableDescription] = [
        "city": TableDescription(
            "Polish towns",
            "Towns taking part in the programme, with their status, partner budget and project.",
            labelColumn: "name",
            columns: [
                "id": "Town id; commands accept it in place of the name.",
                "name": "The town's name as spelled (Unicode NFC).",
                "name_key": Shared.nameKey,
                "voivodeship": "The voivodeship (province) the town is in; refers to voivodeship.name.",
                "population": "Number of inhabitants, a positive whole number; empty when unknown.",
                "status": "applicant (the default), selected, not_selected or withdrawn.",
                "partner_budget_cents": "The partner budget the town set aside (its allocation), in euro cents; empty counts as 0.",
                "project_code": "The programme's project code, PL-LOCALDEV- and four digits; unique.",
                "project_grant_cents": "The town's project grant, in euro cents.",
                "expectations": "What the town hopes for from a partner, in its own words; searched, and matched against partners' expertise.",
                "website": Shared.website,
                "teryt": "The town's TERYT code (Poland's register of territorial units), 7 digits.",
                "notes": Shared.notes,
            ]),
        "partner": TableDescription(
            "Partners",
            "Norwegian, Icelandic and Liechtenstein organisations that work with the towns.",
            labelColumn: "name",
            columns: [
                "id": "Partner id; commands accept it in place of the name.",
                "name": "The partner's name as spelled (Unicode NFC).",
                "name_key": Shared.nameKey,
                "country": "NO (Norway, the default), IS (Iceland) or LI (Liechtenstein).",
                "kind": "municipality, county, organisation, company, research or other.",
                "org_number": "Organisation number, unique; for Norway 9 digits with a valid check digit.",
                "county": "The Norwegian county (fylke) the partner is in; refers to county.name; only for partners in Norway.",
                "expertise": "What the partner offers, in its own words; searched, and matched against towns' expectations.",
                "website": Shared.website,
                "notes": Shared.notes,
            ]),
        "contact": TableDescription(
            "Contacts",
            "People at a town or a partner. Personal data: the registry exports a person's data on request "
                + "(contact export-personal) and erases it (contact erase).",
            labelColumn: "name",
            columns: [
                "id": "Contact id.",
                "name": "The person's name.",
                "city_id": "The town the person works for; refers to city.id. Exactly one of city_id and partner_id is set.",
                "partner_id": "The partner the person works for; refers to partner.id. Exactly one of city_id and partner_id is set.",
                "role": "The person's role or position.",
                "email": "E-mail address.",
                "phone": "Telephone number as given.",
                "languages": "Languages the person speaks: ISO 639-1 codes separated by commas, for example nb,pl,en.",
                "notes": Shared.notes,
            ]),
        "partnership": TableDescription(
            "Partnerships",
            "A town working with a partner (at most one partnership per pair), with its status, budget, dates "
                + "and the programme's end-of-project answers.",
            columns: [
                "id": "Partnership id.",
                "city_id": "The town; refers to city.id.",
                "partner_id": "The partner; refers to partner.id.",
                "status": "proposed (the default), contacted, agreed, active, completed, declined or cancelled. "
                    + "Agreed, active and completed partnerships commit their budget.",
                "budget_cents": "The partnership's budget, in euro cents.",
                "signed_date": "The day the agreement was signed, YYYY-MM-DD.",
                "start_date": Shared.startDate,
                "end_date": Shared.endDate,
                "improved_knowledge": "Did it improve knowledge and understanding? yes, no or not_yet; empty when not asked yet.",
                "continues": "Is the cooperation likely to continue? yes, no or not_yet; empty when not asked yet.",
                "lasting_effects": "Will it have lasting effects? yes, no or not_yet; empty when not asked yet.",
                "notes": Shared.notes,
            ]),
        "activity": TableDescription(
            "Activities",
            "What a partnership does: joint development, advice, exchanges, study visits, workshops, conferences "
                + "and internships, with dates, participants and planned cost.",
            labelColumn: "title",
            columns: [
                "id": "Activity id.",
                "partnership_id": "The partnership it belongs to; refers to partnership.id.",
                "kind": Shared.activityKind,
                "title": "What it is called.",
                "direction": Shared.direction,
                "start_date": Shared.startDate,
                "end_date": Shared.endDate,
                "location": "Where it takes place.",
                "participants": "Number of participants, 0 or more.",
                "planned_cost_cents": "The planned cost, in euro cents.",
                "status": "planned (the default), completed or cancelled.",
                "topic_id": "The topic it serves, if any; refers to topic.id.",
                "notes": Shared.notes,
            ]),
        "expense": TableDescription(
            "Expenses",
            "Money spent on an activity.",
            columns: [
                "id": "Expense id.",
                "activity_id": "The activity it was spent on; refers to activity.id.",
                "amount_cents": "The amount in euro cents: as paid for a euro cost, else converted at the rate and rounded to the cent.",
                "category": "staff, travel, venue, equipment, consumables, services, indirect or other.",
                "spent_date": "The day it was spent, YYYY-MM-DD.",
                "note": "Free-text note by staff.",
                "paid_minor": "The amount as paid, in the currency's minor unit (cents, øre, grosze, rappen; whole krónur).",
                "currency": "The currency it was paid in: EUR, NOK, PLN, ISK or CHF.",
                "rate_micros": "The rate used, units of the currency per 1 EUR, in millionths (11.6075 NOK is 11607500); 1000000 for EUR.",
                "rate_month": "The month whose rate was used, YYYY-MM; empty for EUR.",
                "rate_source": "Where the rate came from (for example InforEuro); empty for EUR.",
                "rate_derived": "1 when the euro amount was given by hand and the rate worked out from it.",
                "paid_by": "Who bore the cost: city (the town's side) or partner.",
                "document": "The invoice or receipt number.",
                "period": "The reporting period it is claimed in: the year and the period's number, for example 2024-1.",
                "status": "claimed (the default), verified or rejected.",
                "rejection_reason": "Why the claim was rejected; only rejected claims have one.",
            ]),
        "partnership_budget_line": TableDescription(
            "Budget lines", "A partnership's budget split by cost category; where it is, spending is held against each line.",
            columns: [
                "partnership_id": "The partnership; refers to partnership.id.",
                "category": "staff, travel, venue, equipment, consumables, services, indirect or other.",
                "budget_cents": "The line's budget, in euro cents.",
            ]),
        "exchange_rate": TableDescription(
            "Exchange rates",
            "Monthly accounting rates: units of a currency per 1 EUR (the European Commission's InforEuro, or another stated source).",
            columns: [
                "id": "Rate id.",
                "currency": "NOK, PLN, ISK or CHF.",
                "month": "The month the rate is for, YYYY-MM.",
                "units_per_eur_micros": "Units of the currency per 1 EUR, in millionths (11.6075 is 11607500).",
                "source": "Where the rate came from, for example InforEuro.",
            ]),
    ]

    /// The topics a town wants, a partner offers and a partnership works on.
    static let links: [String: TableDescription] = [
        "city_topic": TableDescription(
            "Topics towns want", "Each row: a town wants to work on a topic.",
            columns: ["city_id": "The town; refers to city.id.", "topic_id": Shared.topic]),
        "partner_topic": TableDescription(
            "Topics partners offer", "Each row: a partner offers a topic.",
            columns: ["partner_id": "The partner; refers to partner.id.", "topic_id": Shared.topic]),
        "partnership_topic": TableDescription(
            "Topics of partnerships", "Each row: a partnership works on a topic.",
            columns: ["partnership_id": "The partnership; refers to partnership.id.", "topic_id": Shared.topic]),
    ]
}
