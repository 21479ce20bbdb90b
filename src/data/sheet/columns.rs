//! The spreadsheet form of a dataset, as one definition that the writer (`export::csv`) and the reader
//! (`sheet::read`) share: the header row, which columns each kind of row fills from which field of the file,
//! which columns hold numbers, and how a text cell that a spreadsheet would run as a formula is defused.

/// The header row, in the order every row follows: the columns a reader reads, then the record kind and the
/// fields that only rebuilding the dataset needs.
pub const HEADER: [&str; 44] = [
    "province_id",
    "province",
    "pillar",
    "indicator_id",
    "indicator",
    "year",
    "qualifier",
    "value",
    "value_max",
    "unit",
    "status",
    "document",
    "quote",
    "record",
    "id",
    "source_id",
    "pillar_id",
    "note_vi",
    "note_en",
    "quote_en",
    "name_vi",
    "name_en",
    "name_ascii",
    "admin_note_vi",
    "admin_note_en",
    "label_vi",
    "label_en",
    "short_vi",
    "short_en",
    "definition_vi",
    "definition_en",
    "unit_label_vi",
    "unit_label_en",
    "document_title",
    "document_en",
    "title_en",
    "document_date",
    "issuer",
    "issuer_en",
    "article_title",
    "article_date",
    "article_author",
    "article_publisher",
    "article_file",
];

/// What one kind of row holds: the columns it is read from, each with the field of the file it fills (in
/// the file's order), and the columns written only for reading, which repeat a name the row refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordColumns {
    /// The value of the `record` column.
    pub record: &'static str,
    /// The list of the file the rows fill.
    pub collection: &'static str,
    /// (column, field) pairs, in the order of the fields in the file.
    pub fields: &'static [(&'static str, &'static str)],
    /// Columns filled for reading: the name of the province, pillar, indicator or document referred to.
    pub derived: &'static [&'static str],
    /// Fields the file leaves out, rather than writing `null`, when their cell is empty: a target's short
    /// words, which only qualitative targets carry, an indicator's short label, which only labels too
    /// wide for a phone's select carry, and the English of a quote or a document, which a newsroom's own
    /// Vietnamese dataset may not have.
    pub omitted_when_empty: &'static [&'static str],
}

/// A pillar row.
pub const PILLAR: RecordColumns = RecordColumns {
    record: "pillar",
    collection: "pillars",
    fields: &[("id", "id"), ("name_vi", "name_vi"), ("name_en", "name_en")],
    derived: &[],
    omitted_when_empty: &[],
};

/// A province row.
pub const PROVINCE: RecordColumns = RecordColumns {
    record: "province",
    collection: "provinces",
    fields: &[
        ("id", "id"),
        ("name_vi", "name_vi"),
        ("name_ascii", "name_ascii"),
        ("admin_note_vi", "admin_note_vi"),
        ("admin_note_en", "admin_note_en"),
    ],
    derived: &[],
    omitted_when_empty: &[],
};

/// An indicator row.
pub const INDICATOR: RecordColumns = RecordColumns {
    record: "indicator",
    collection: "indicators",
    fields: &[
        ("id", "id"),
        ("pillar_id", "pillar"),
        ("label_vi", "label_vi"),
        ("label_en", "label_en"),
        ("short_vi", "short_vi"),
        ("short_en", "short_en"),
        ("definition_vi", "definition_vi"),
        ("definition_en", "definition_en"),
        ("unit", "unit"),
        ("unit_label_vi", "unit_label_vi"),
        ("unit_label_en", "unit_label_en"),
    ],
    derived: &[],
    omitted_when_empty: &["short_vi", "short_en"],
};

/// A source row: a document and the article that reported it.
pub const SOURCE: RecordColumns = RecordColumns {
    record: "source",
    collection: "sources",
    fields: &[
        ("id", "id"),
        ("province_id", "province"),
        ("document", "document"),
        ("document_title", "document_title"),
        ("document_en", "document_en"),
        ("title_en", "title_en"),
        ("document_date", "document_date"),
        ("issuer", "issuer"),
        ("issuer_en", "issuer_en"),
        ("article_title", "article_title"),
        ("article_date", "article_date"),
        ("article_author", "article_author"),
        ("article_publisher", "article_publisher"),
        ("article_file", "article_file"),
    ],
    derived: &[],
    omitted_when_empty: &["document_en", "title_en", "issuer_en"],
};

/// A target row, with the names of what it refers to repeated for reading.
pub const TARGET: RecordColumns = RecordColumns {
    record: "target",
    collection: "targets",
    fields: &[
        ("id", "id"),
        ("province_id", "province"),
        ("indicator_id", "indicator"),
        ("year", "year"),
        ("qualifier", "qualifier"),
        ("value", "value"),
        ("value_max", "value_max"),
        ("unit", "unit"),
        ("status", "status"),
        ("source_id", "source"),
        ("quote", "quote"),
        ("quote_en", "quote_en"),
        ("note_vi", "note_vi"),
        ("note_en", "note_en"),
        ("label_vi", "label_vi"),
        ("label_en", "label_en"),
    ],
    derived: &["province", "pillar", "indicator", "document"],
    omitted_when_empty: &["quote_en", "label_vi", "label_en"],
};

/// A national target row, named as such where a province would stand.
pub const NATIONAL: RecordColumns = RecordColumns {
    record: "national",
    collection: "national",
    fields: &[
        ("id", "id"),
        ("indicator_id", "indicator"),
        ("year", "year"),
        ("qualifier", "qualifier"),
        ("value", "value"),
        ("value_max", "value_max"),
        ("unit", "unit"),
        ("document", "document"),
        ("document_title", "document_title"),
        ("document_date", "document_date"),
        ("issuer", "issuer"),
        ("note_vi", "note_vi"),
        ("note_en", "note_en"),
    ],
    derived: &["province", "pillar", "indicator"],
    omitted_when_empty: &[],
};

impl RecordColumns {
    /// The column that holds `field`, found while compiling (`const { TARGET.column("year") }`): a field the
    /// kind does not list stops the build, so a writer cannot fill a column the reader does not read.
    pub const fn column(&self, field: &str) -> &'static str {
        let mut i = 0;
        while i < self.fields.len() {
            if same_text(self.fields[i].1, field) {
                return self.fields[i].0;
            }
            i += 1;
        }
        panic!("not a field of this kind of row")
    }

    /// `column` itself, where it is one that the kind fills for reading only; checked as `column` is.
    pub const fn for_reading(&self, column: &'static str) -> &'static str {
        let mut i = 0;
        while i < self.derived.len() {
            if same_text(self.derived[i], column) {
                return column;
            }
            i += 1;
        }
        panic!("not a column this kind of row fills for reading")
    }
}

/// `a == b`, in a `const fn`.
const fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Every kind of row, in the order the file lists its collections.
pub const RECORDS: [RecordColumns; 6] = [PILLAR, PROVINCE, INDICATOR, SOURCE, TARGET, NATIONAL];

/// The columns whose cells are numbers, written and read without defusing.
pub const NUMBER_COLUMNS: [&str; 3] = ["year", "value", "value_max"];

/// The first characters that make a spreadsheet read a cell as a formula, and the apostrophe itself, so
/// that a text which really starts with one comes back whole from `undefuse`.
pub const DEFUSED_STARTS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\''];

/// A text cell as it was before `export::csv` defused it: the one leading `'` it added taken off again.
pub fn undefuse(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(DEFUSED_STARTS) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_is_found_in_the_column_its_kind_fills() {
        assert_eq!(TARGET.column("province"), "province_id");
        assert_eq!(INDICATOR.column("pillar"), "pillar_id");
        assert_eq!(NATIONAL.column("document"), "document");
        assert_eq!(TARGET.for_reading("document"), "document");
        // A field a kind lacks (`SOURCE.column("quote")`) panics, which in `const { }` stops the build.
    }

    #[test]
    fn every_column_a_record_reads_is_in_the_header_once() {
        for record in RECORDS {
            for (column, _) in
                record.fields.iter().chain(record.derived.iter().map(|d| (*d, "")).collect::<Vec<_>>().iter())
            {
                assert_eq!(HEADER.iter().filter(|h| *h == column).count(), 1, "{}: {column}", record.record);
            }
        }
        let mut sorted = HEADER.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), HEADER.len());
    }
}
