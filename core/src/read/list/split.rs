//! Splitting CSV/TSV text into records exactly as the `csv` crate does (RFC 4180: a
//! quote opens a quoted cell only at the start of a cell, `""` inside is a quote, a quoted
//! cell may hold delimiters and line breaks), but borrowing the cells from the text: a cell
//! is copied only when it holds a doubled quote or text after its closing quote. The
//! reader's profile had one owned `String` per cell, and the `csv` crate validating UTF-8
//! again on text that is already a `str`, as its largest costs.
//!
//! Like the `csv` crate: `\r`, `\n` and `\r\n` end a record, empty lines are skipped, a
//! leading byte-order mark is dropped, and the line of a record is the line where the
//! previous record ended, plus one for a `\n` that ended it (the blank lines before it
//! included). `tests::same_as_csv_crate`
//! checks all of this against the `csv` crate on random inputs.

use std::borrow::Cow;

/// The records of a delimited text.
pub(super) struct Records<'t> {
    text: &'t str,
    pos: usize,
    line: u32,
    delimiter: u8,
}

/// How a cell ended.
enum End {
    Delimiter,
    Record,
}

/// A delimiter that is not an ASCII character would cut characters in two: the line of
/// the record where that happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct CutCharacter(pub u32);

impl<'t> Records<'t> {
    /// The records of `text`, cells separated by `delimiter`.
    pub fn new(text: &'t str, delimiter: u8) -> Self {
        Records {
            text: text.strip_prefix('\u{FEFF}').unwrap_or(text),
            pos: 0,
            line: 1,
            delimiter,
        }
    }

    /// Reads the next record into `cells` (cleared first) and returns its line; `None` at
    /// the end of the text.
    pub fn next_into(
        &mut self,
        cells: &mut Vec<Cow<'t, str>>,
    ) -> Result<Option<u32>, CutCharacter> {
        cells.clear();
        let line = self.line;
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(self.pos) {
            match b {
                b'\n' => self.line = self.line.saturating_add(1),
                b'\r' => {}
                _ => break,
            }
            self.pos += 1;
        }
        if self.pos >= bytes.len() {
            return Ok(None);
        }
        loop {
            let (cell, end) = self.cell().ok_or(CutCharacter(line))?;
            cells.push(cell);
            if matches!(end, End::Record) {
                return Ok(Some(line));
            }
        }
    }

    /// The cell at the current position, and how it ended (the delimiter or record end
    /// consumed). `None` when a slice would cut a character.
    fn cell(&mut self) -> Option<(Cow<'t, str>, End)> {
        let bytes = self.text.as_bytes();
        if bytes.get(self.pos) != Some(&b'"') {
            let start = self.pos;
            let end = self.scan_plain(start);
            let cell = self.text.get(start..end)?;
            return Some((Cow::Borrowed(cell), self.finish_cell(end)));
        }
        // A quoted cell: its text up to the closing quote, `""` read as one quote.
        let mut owned: Option<String> = None;
        let mut start = self.pos + 1;
        loop {
            let Some(quote) = self.find_quote(start) else {
                // Never closed (refused by the reader before): the rest is the cell.
                let rest = self.text.get(start..)?;
                self.pos = bytes.len();
                return Some((join(owned, rest), End::Record));
            };
            let inside = self.text.get(start..quote)?;
            match bytes.get(quote + 1) {
                Some(b'"') => {
                    let text = owned.get_or_insert_with(String::new);
                    text.push_str(inside);
                    text.push('"');
                    start = quote + 2;
                }
                Some(&b) if b != self.delimiter && b != b'\n' && b != b'\r' => {
                    // Text after the closing quote belongs to the cell, quotes included.
                    let end = self.scan_plain(quote + 1);
                    let after = self.text.get(quote + 1..end)?;
                    let mut text = owned.unwrap_or_default();
                    text.push_str(inside);
                    text.push_str(after);
                    return Some((Cow::Owned(text), self.finish_cell(end)));
                }
                _ => return Some((join(owned, inside), self.finish_cell(quote + 1))),
            }
        }
    }

    /// The end of an unquoted cell starting at `from`: the next delimiter or line end.
    fn scan_plain(&self, from: usize) -> usize {
        let rest = self.text.as_bytes().get(from..).unwrap_or_default();
        memchr::memchr3(self.delimiter, b'\n', b'\r', rest).map_or(self.text.len(), |i| from + i)
    }

    /// The next quote at or after `from`, counting the line breaks passed.
    fn find_quote(&mut self, from: usize) -> Option<usize> {
        let rest = self.text.as_bytes().get(from..).unwrap_or_default();
        let found = memchr::memchr(b'"', rest);
        let passed = rest.get(..found.unwrap_or(rest.len())).unwrap_or_default();
        let lines = memchr::memchr_iter(b'\n', passed).count();
        self.line = self
            .line
            .saturating_add(u32::try_from(lines).unwrap_or(u32::MAX));
        found.map(|i| from + i)
    }

    /// Consumes what ends the cell at `at`: a delimiter, or a record end (`\n`, `\r`,
    /// `\r\n`, or the end of the text).
    fn finish_cell(&mut self, at: usize) -> End {
        let bytes = self.text.as_bytes();
        match bytes.get(at) {
            Some(&b) if b == self.delimiter => {
                self.pos = at + 1;
                End::Delimiter
            }
            Some(b'\r') => {
                // The `\n` of a `\r\n` is skipped with the next record, as the `csv`
                // crate does: that record's line is still this one.
                self.pos = at + 1;
                End::Record
            }
            Some(b'\n') => {
                self.pos = at + 1;
                self.line = self.line.saturating_add(1);
                End::Record
            }
            _ => {
                self.pos = bytes.len();
                End::Record
            }
        }
    }
}

fn join<'t>(owned: Option<String>, rest: &'t str) -> Cow<'t, str> {
    match owned {
        Some(mut text) => {
            text.push_str(rest);
            Cow::Owned(text)
        }
        None => Cow::Borrowed(rest),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ours(text: &str, delimiter: u8) -> Result<Vec<(u32, Vec<String>)>, CutCharacter> {
        let mut records = Records::new(text, delimiter);
        let mut cells = Vec::new();
        let mut out = Vec::new();
        while let Some(line) = records.next_into(&mut cells)? {
            out.push((line, cells.iter().map(|c| c.to_string()).collect()));
        }
        Ok(out)
    }

    fn theirs(text: &str, delimiter: u8) -> Option<Vec<(u32, Vec<String>)>> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        let mut out = Vec::new();
        for record in reader.records() {
            let record = record.ok()?;
            let line = record.position().map_or(0, |p| p.line() as u32);
            out.push((line, record.iter().map(str::to_owned).collect()));
        }
        Some(out)
    }

    #[test]
    fn cells_lines_and_quotes() {
        let text = "a,b\n\n\"x,\"\"y\"\"\nz\",w\r\n\"q\"r,\"\"\n,\n";
        let records = ours(text, b',').unwrap();
        assert_eq!(
            records,
            vec![
                (1, vec!["a".to_owned(), "b".to_owned()]),
                (2, vec!["x,\"y\"\nz".to_owned(), "w".to_owned()]),
                (4, vec!["qr".to_owned(), String::new()]),
                (6, vec![String::new(), String::new()]),
            ]
        );
        assert_eq!(Some(records), theirs(text, b','));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn same_as_csv_crate(
            text in proptest::collection::vec(
                prop_oneof![
                    Just(","), Just("\t"), Just("\""), Just("\n"), Just("\r"), Just("\r\n"),
                    Just(" "), Just("a"), Just("项目"), Just("\u{FEFF}"), Just("\"\""),
                ],
                0..40,
            ).prop_map(|parts| parts.concat()),
            tab in any::<bool>(),
        ) {
            let delimiter = if tab { b'\t' } else { b',' };
            prop_assert_eq!(ours(&text, delimiter).ok(), theirs(&text, delimiter));
        }
    }
}
