-- The register's tables. Names are plain English and stable: staff write SQL against them.
-- Money is an integer number of euro cents (columns ending in _cents); dates are ISO 8601
-- `YYYY-MM-DD` and real (the CHECKs refuse 2024-02-30, which date() alone would accept).
-- Names are stored in Unicode NFC; `name_key` is the folded form (case, Polish and Norwegian
-- letters) that the registry computes for lookup and uniqueness.

CREATE TABLE voivodeship (
    name TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;

CREATE TABLE county (
    name TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;

CREATE TABLE theme (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (code <> '' AND code NOT GLOB '*[^a-z_]*'),
    name_en TEXT NOT NULL CHECK (name_en <> ''),
    name_nb TEXT NOT NULL CHECK (name_nb <> '')
) STRICT;

CREATE TABLE topic (
    id INTEGER PRIMARY KEY,
    theme_id INTEGER NOT NULL REFERENCES theme (id),
    code TEXT NOT NULL UNIQUE CHECK (code <> '' AND code NOT GLOB '*[^a-z_]*'),
    name_en TEXT NOT NULL CHECK (name_en <> ''),
    name_nb TEXT NOT NULL CHECK (name_nb <> '')
) STRICT;
CREATE INDEX topic_theme_id ON topic (theme_id);

CREATE TABLE city (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (name <> '' AND name = trim(name)),
    name_key TEXT NOT NULL UNIQUE CHECK (name_key <> ''),
    voivodeship TEXT NOT NULL REFERENCES voivodeship (name),
    population INTEGER CHECK (population > 0),
    status TEXT NOT NULL DEFAULT 'applicant'
        CHECK (status IN ('applicant', 'selected', 'not_selected', 'withdrawn')),
    partner_budget_cents INTEGER CHECK (partner_budget_cents >= 0),
    project_code TEXT UNIQUE CHECK (project_code GLOB 'PL-LOCALDEV-[0-9][0-9][0-9][0-9]'),
    project_grant_cents INTEGER CHECK (project_grant_cents >= 0),
    expectations TEXT,
    website TEXT CHECK (website IS NULL OR website GLOB 'http://?*' OR website GLOB 'https://?*'),
    teryt TEXT CHECK (teryt IS NULL OR (length(teryt) = 7 AND teryt NOT GLOB '*[^0-9]*')),
    notes TEXT
) STRICT;
CREATE INDEX city_voivodeship ON city (voivodeship);
CREATE INDEX city_status ON city (status);

CREATE TABLE city_topic (
    city_id INTEGER NOT NULL REFERENCES city (id),
    topic_id INTEGER NOT NULL REFERENCES topic (id),
    PRIMARY KEY (city_id, topic_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX city_topic_topic_id ON city_topic (topic_id);

CREATE TABLE partner (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (name <> '' AND name = trim(name)),
    name_key TEXT NOT NULL UNIQUE CHECK (name_key <> ''),
    country TEXT NOT NULL DEFAULT 'NO' CHECK (country IN ('NO', 'IS', 'LI')),
    kind TEXT NOT NULL
        CHECK (kind IN ('municipality', 'county', 'organisation', 'company', 'research', 'other')),
    -- Norwegian numbers are 9 digits; the registry also checks the modulus-11 check digit.
    org_number TEXT UNIQUE
        CHECK (org_number IS NULL OR (org_number <> '' AND (country <> 'NO' OR (length(org_number) = 9 AND org_number NOT GLOB '*[^0-9]*')))),
    county TEXT REFERENCES county (name) CHECK (county IS NULL OR country = 'NO'),
    expertise TEXT,
    website TEXT CHECK (website IS NULL OR website GLOB 'http://?*' OR website GLOB 'https://?*'),
    notes TEXT
) STRICT;
CREATE INDEX partner_county ON partner (county);
CREATE INDEX partner_kind ON partner (kind);

CREATE TABLE partner_topic (
    partner_id INTEGER NOT NULL REFERENCES partner (id),
    topic_id INTEGER NOT NULL REFERENCES topic (id),
    PRIMARY KEY (partner_id, topic_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX partner_topic_topic_id ON partner_topic (topic_id);

-- A person at exactly one city or one partner. Personal data: exportable and erasable.
CREATE TABLE contact (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (name <> '' AND name = trim(name)),
    city_id INTEGER REFERENCES city (id),
    partner_id INTEGER REFERENCES partner (id),
    role TEXT,
    email TEXT CHECK (email IS NULL OR (email LIKE '_%@_%._%' AND email NOT LIKE '% %')),
    phone TEXT,
    -- ISO 639-1 codes separated by commas, e.g. 'nb,pl,en'.
    languages TEXT CHECK (languages IS NULL OR (languages <> '' AND languages NOT GLOB '*[^a-z,]*')),
    notes TEXT,
    CHECK ((city_id IS NULL) <> (partner_id IS NULL))
) STRICT;
CREATE INDEX contact_city_id ON contact (city_id);
CREATE INDEX contact_partner_id ON contact (partner_id);

CREATE TABLE partnership (
    id INTEGER PRIMARY KEY,
    city_id INTEGER NOT NULL REFERENCES city (id),
    partner_id INTEGER NOT NULL REFERENCES partner (id),
    status TEXT NOT NULL DEFAULT 'proposed'
        CHECK (status IN ('proposed', 'contacted', 'agreed', 'active', 'completed', 'declined', 'cancelled')),
    budget_cents INTEGER CHECK (budget_cents >= 0),
    signed_date TEXT CHECK (date(signed_date, '+0 days') IS signed_date),
    start_date TEXT CHECK (date(start_date, '+0 days') IS start_date),
    end_date TEXT CHECK (date(end_date, '+0 days') IS end_date),
    -- The programme's end-of-project questions: yes, no, or not yet (NULL: not asked yet).
    improved_knowledge TEXT CHECK (improved_knowledge IN ('yes', 'no', 'not_yet')),
    continues TEXT CHECK (continues IN ('yes', 'no', 'not_yet')),
    lasting_effects TEXT CHECK (lasting_effects IN ('yes', 'no', 'not_yet')),
    notes TEXT,
    UNIQUE (city_id, partner_id),
    CHECK (end_date >= start_date)
) STRICT;
CREATE INDEX partnership_partner_id ON partnership (partner_id);
CREATE INDEX partnership_status ON partnership (status);

CREATE TABLE partnership_topic (
    partnership_id INTEGER NOT NULL REFERENCES partnership (id),
    topic_id INTEGER NOT NULL REFERENCES topic (id),
    PRIMARY KEY (partnership_id, topic_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX partnership_topic_topic_id ON partnership_topic (topic_id);

CREATE TABLE activity (
    id INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnership (id),
    kind TEXT NOT NULL
        CHECK (kind IN ('joint_development', 'advisory', 'knowledge_exchange', 'study_visit', 'workshop', 'conference', 'internship')),
    title TEXT NOT NULL CHECK (title <> '' AND title = trim(title)),
    -- Only study visits and internships travel.
    direction TEXT
        CHECK (direction IS NULL OR (direction IN ('to_norway', 'to_poland') AND kind IN ('study_visit', 'internship'))),
    start_date TEXT CHECK (date(start_date, '+0 days') IS start_date),
    end_date TEXT CHECK (date(end_date, '+0 days') IS end_date),
    location TEXT,
    participants INTEGER CHECK (participants >= 0),
    planned_cost_cents INTEGER CHECK (planned_cost_cents >= 0),
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'completed', 'cancelled')),
    topic_id INTEGER REFERENCES topic (id),
    notes TEXT,
    CHECK (end_date >= start_date)
) STRICT;
CREATE INDEX activity_partnership_id ON activity (partnership_id);
CREATE INDEX activity_start_date ON activity (start_date);
CREATE INDEX activity_topic_id ON activity (topic_id);

CREATE TABLE expense (
    id INTEGER PRIMARY KEY,
    activity_id INTEGER NOT NULL REFERENCES activity (id),
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
    category TEXT NOT NULL
        CHECK (category IN ('staff', 'travel', 'venue', 'equipment', 'consumables', 'services', 'indirect', 'other')),
    spent_date TEXT CHECK (date(spent_date, '+0 days') IS spent_date),
    note TEXT
) STRICT;
CREATE INDEX expense_activity_id ON expense (activity_id);
