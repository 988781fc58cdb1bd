-- Reference data: Poland's 16 voivodeships (Polish names), Norway's 15 counties in force since
-- 1 January 2024, and the programme's themes and topics with English and Norwegian (bokmål)
-- names. Codes are stable: staff and scripts use them.

INSERT INTO voivodeship (name) VALUES
    ('dolnośląskie'), ('kujawsko-pomorskie'), ('lubelskie'), ('lubuskie'), ('łódzkie'),
    ('małopolskie'), ('mazowieckie'), ('opolskie'), ('podkarpackie'), ('podlaskie'),
    ('pomorskie'), ('śląskie'), ('świętokrzyskie'), ('warmińsko-mazurskie'), ('wielkopolskie'),
    ('zachodniopomorskie');

INSERT INTO county (name) VALUES
    ('Oslo'), ('Rogaland'), ('Møre og Romsdal'), ('Nordland'), ('Østfold'), ('Akershus'),
    ('Buskerud'), ('Innlandet'), ('Vestfold'), ('Telemark'), ('Agder'), ('Vestland'),
    ('Trøndelag'), ('Troms'), ('Finnmark');

INSERT INTO theme (id, code, name_en, name_nb) VALUES
    (1, 'environment', 'Environment and energy efficiency', 'Miljø og energieffektivitet'),
    (2, 'social', 'Social challenges and education', 'Sosiale utfordringer og utdanning'),
    (3, 'sustainable_development', 'Sustainable development', 'Bærekraftig utvikling'),
    (4, 'smart_city', 'Smart city', 'Smart City'),
    (5, 'culture_tourism', 'Culture and tourism', 'Kultur/Turisme'),
    (6, 'public_administration', 'Public administration and civil society', 'Offentlig forvaltning og sivilsamfunn'),
    (7, 'entrepreneurship', 'Entrepreneurship support', 'Støtte for entreprenørskap');

INSERT INTO topic (id, theme_id, code, name_en, name_nb) VALUES
    (1, 1, 'waste_management', 'Waste management', 'Avfallshåndtering'),
    (2, 1, 'water_quality', 'Water quality', 'Vannkvalitet'),
    (3, 1, 'air_quality', 'Air quality', 'Luftkvalitet'),
    (4, 1, 'green_infrastructure', 'Green infrastructure', 'Grønn infrastruktur'),
    (5, 1, 'renewable_energy', 'Renewable energy sources', 'Fornybare energikilder'),
    (6, 2, 'special_needs_inclusion', 'People with special needs and their inclusion', 'Mennesker med spesielle behov og inkludering av disse'),
    (7, 2, 'elderly_policy', 'Policy for the elderly', 'Eldrepolitikk'),
    (8, 2, 'vocational_training', 'Vocational training', 'Yrkesopplæring'),
    (9, 2, 'integration', 'Integration', 'Integrering'),
    (10, 2, 'mental_health', 'Mental health', 'Mental helse'),
    (11, 2, 'youth', 'Youth', 'Ungdom'),
    (12, 2, 'social_housing', 'Social housing', 'Sosialboliger'),
    (13, 3, 'public_spaces', 'Public spaces', 'Utvikle offentlige plasser'),
    (14, 3, 'cycling', 'Cycling', 'Sykkelbruk'),
    (15, 3, 'local_economy', 'Local economy', 'Lokal økonomi'),
    (16, 3, 'tourism', 'Tourism', 'Turisme'),
    (17, 3, 'urban_planning', 'Urban planning', 'Byplanlegging'),
    (18, 4, 'experience_exchange', 'Exchange of experience', 'Utveksle erfaringer'),
    (19, 4, 'ict', 'Information and communication technology', 'IKT'),
    (20, 4, 'transport_digitalisation', 'Digitalisation of transport', 'Digitalisering i transportsektoren'),
    (21, 5, 'culture_for_integration', 'Culture for integration', 'Kultur for bedre integrering'),
    (22, 5, 'sustainable_tourism', 'Sustainable tourism', 'Mer bærekraftig turisme'),
    (23, 6, 'municipal_county_cooperation', 'Cooperation between municipalities and counties', 'Samarbeid med kommuner og fylker'),
    (24, 6, 'local_identity', 'Local identity', 'Lokal identitet'),
    (25, 6, 'town_organisation_cooperation', 'Cooperation between towns and organisations', 'Samarbeid mellom byer og organisasjoner'),
    (26, 7, 'out_migration', 'Preventing out-migration from smaller places, especially of young people', 'Hindre fraflytting fra mindre steder, spesielt blant unge');
