extension SchemaDescriptions {
    /// The reference data the migrations seed: places and the programme's themes and topics.
    static let reference: [String: TableDescription] = [
        "voivodeship": TableDescription(
            "Voivodeships", "Poland's 16 voivodeships (provinces), by their Polish names.",
            columns: ["name": "The voivodeship's Polish name, in lowercase as officially written, for example śląskie."]),
        "county": TableDescription(
            "Norwegian counties", "Norway's 15 counties (fylker), as in force since 1 January 2024.",
            columns: ["name": "The county's name, for example Østfold."]),
        "theme": TableDescription(
            "Themes", "The programme's seven themes, each grouping several topics.",
            labelColumn: "name_en",
            columns: ["id": "Theme id.", "code": Shared.code, "name_en": Shared.nameEn, "name_nb": Shared.nameNb]),
        "topic": TableDescription(
            "Topics",
            "The programme's topics, each under one theme: what towns ask for, partners offer and partnerships work on.",
            labelColumn: "name_en",
            columns: [
                "id": "Topic id.",
                "theme_id": "The theme it belongs to; refers to theme.id.",
                "code": Shared.code,
                "name_en": Shared.nameEn,
                "name_nb": Shared.nameNb,
            ]),
    ]
}
