//! The records of a CSV text, each with the row a spreadsheet shows it on;
//! a big file is read on two threads.
//!
//! Records are stored flat ([`Rows`]): every cell's text in one string and
//! the cells' ends in one list, so a file of 100,000 rows costs a few
//! allocations rather than two (and their growth) per row; a [`Row`] is a
//! view of one.
//!
//! The second thread starts at a line break past the middle that an even
//! number of quotes precedes (outside any quoted cell, if the file quotes
//! as RFC 4180 says). Its records are used only if the first thread,
//! reading on, starts a record at exactly the same place; otherwise (a file
//! with stray quotes inside unquoted cells) the first thread reads the
//! rest itself, so the result is always what one reader gives.

use super::headers;
use crate::layers::LoadError;
use crate::said;
use ::csv::{ByteRecord, Position, Reader, ReaderBuilder};

/// Below this size one thread reads the text faster than two start up.
const PARALLEL_BYTES: usize = 4 << 20;

/// The header row's names and the records under it, in file order.
pub(super) struct Records {
    pub headers: Vec<String>,
    pub records: Rows,
    /// `rows[i]`: the spreadsheet row of record `i` (the header is row 1).
    pub rows: Vec<usize>,
}

/// Records, flat: one [`Chunk`] per thread that read them, in order.
#[derive(Debug, Default)]
pub(super) struct Rows {
    chunks: Vec<Chunk>,
}

/// Consecutive records.
#[derive(Debug, Default)]
struct Chunk {
    /// Every cell's text, back to back.
    text: String,
    /// The end of each cell in `text`, record after record.
    ends: Vec<u32>,
    /// Where each record's cells start in `ends`, and one past the last.
    firsts: Vec<u32>,
}

/// One record of [`Rows`].
#[derive(Debug, Clone, Copy)]
pub(super) struct Row<'a> {
    text: &'a str,
    /// Where the first cell starts in `text`.
    start: usize,
    ends: &'a [u32],
}

impl Rows {
    pub fn len(&self) -> usize {
        self.chunks.iter().map(Chunk::len).sum()
    }

    pub fn iter(&self) -> impl Iterator<Item = Row<'_>> {
        self.chunks
            .iter()
            .flat_map(|chunk| (0..chunk.len()).filter_map(|i| chunk.get(i)))
    }

    /// Records `range`, in order.
    pub fn range(&self, range: std::ops::Range<usize>) -> impl Iterator<Item = Row<'_>> {
        self.iter().skip(range.start).take(range.len())
    }

    /// Stores `record`'s cells; `false` when the text outgrows the
    /// 32-bit offsets (beyond any file the loader accepts).
    fn push(&mut self, bytes: &mut Vec<u8>, record: &ByteRecord) -> bool {
        if self.chunks.is_empty() {
            self.chunks.push(Chunk::default());
        }
        self.chunks
            .last_mut()
            .is_some_and(|chunk| chunk.push(bytes, record))
    }

    /// The text of the records pushed, once they all are.
    fn set_text(&mut self, text: String) {
        if let Some(chunk) = self.chunks.last_mut() {
            chunk.text = text;
        }
    }

    /// Adds `tail`'s records after these, without copying them.
    fn append(&mut self, tail: Rows) {
        self.chunks.extend(tail.chunks);
    }

    /// Records of the given cells, as tests write them.
    #[cfg(test)]
    pub fn from_cells(records: &[&[&str]]) -> Self {
        let mut rows = Rows::default();
        let mut bytes = Vec::new();
        for cells in records {
            rows.push(&mut bytes, &ByteRecord::from(cells.to_vec()));
        }
        rows.set_text(String::from_utf8(bytes).unwrap());
        rows
    }
}

impl Chunk {
    fn len(&self) -> usize {
        self.firsts.len().saturating_sub(1)
    }

    fn get(&self, record: usize) -> Option<Row<'_>> {
        let first = *self.firsts.get(record)? as usize;
        let last = *self.firsts.get(record + 1)? as usize;
        let start = match first.checked_sub(1) {
            Some(before) => *self.ends.get(before)? as usize,
            None => 0,
        };
        Some(Row {
            text: &self.text,
            start,
            ends: self.ends.get(first..last)?,
        })
    }

    fn push(&mut self, bytes: &mut Vec<u8>, record: &ByteRecord) -> bool {
        if self.firsts.is_empty() {
            self.firsts.push(0);
        }
        for cell in record.iter() {
            bytes.extend_from_slice(cell);
            let Ok(end) = u32::try_from(bytes.len()) else {
                return false;
            };
            self.ends.push(end);
        }
        match u32::try_from(self.ends.len()) {
            Ok(count) => {
                self.firsts.push(count);
                true
            }
            Err(_) => false,
        }
    }
}

impl<'a> Row<'a> {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Cell `i`'s text.
    pub fn get(&self, i: usize) -> Option<&'a str> {
        let end = *self.ends.get(i)? as usize;
        let start = match i.checked_sub(1) {
            Some(before) => self.ends[before] as usize,
            None => self.start,
        };
        self.text.get(start..end)
    }

    pub fn iter(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        let row = *self;
        (0..row.len()).map(move |i| row.get(i).unwrap_or_default())
    }
}

/// Reads `text`, its cells separated by `delimiter`.
pub(super) fn read(text: &str, delimiter: u8) -> Result<Records, LoadError> {
    let two_cores = std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2);
    let split = if text.len() >= PARALLEL_BYTES && two_cores {
        split_point(text.as_bytes())
    } else {
        None
    };
    read_split(text, delimiter, split)
}

fn builder(delimiter: u8) -> ReaderBuilder {
    let mut builder = ReaderBuilder::new();
    builder.delimiter(delimiter).flexible(true);
    builder
}

/// Reads `text`, the second thread from byte `split` when given.
fn read_split(text: &str, delimiter: u8, split: Option<usize>) -> Result<Records, LoadError> {
    let mut reader = builder(delimiter).from_reader(text.as_bytes());
    let headers = headers(&mut reader)?;
    // The cells' text is at most the text read: room for it all at once.
    let mut head = Run::sized(split.unwrap_or(text.len()));
    let Some(split) = split else {
        head.read(&mut reader, None)?;
        head.finish()?;
        return Ok(head.into_records(headers));
    };
    let tail_text = text.as_bytes().get(split..).unwrap_or_default();
    std::thread::scope(|scope| {
        let tail = scope.spawn(|| {
            let mut reader = builder(delimiter).has_headers(false).from_reader(tail_text);
            let mut run = Run::sized(tail_text.len());
            run.read(&mut reader, None)?;
            run.finish().map(|_| run)
        });
        let stop = head.read(&mut reader, Some(split))?;
        let tail = tail.join().ok().and_then(Result::ok);
        match (stop, tail) {
            (Some(stop), Some(tail)) if tail.starts_where(&stop, split) => {
                head.finish()?;
                head.append(tail, &stop);
            }
            (Some(stop), _) => {
                // Not a record boundary after all: read on alone.
                head.push(&stop);
                head.read(&mut reader, None)?;
                head.finish()?;
            }
            (None, _) => head.finish()?,
        }
        Ok(head.into_records(headers))
    })
}

/// The first line break at or past the middle of `bytes` with an even
/// number of quotes before it, and the offset just past it.
fn split_point(bytes: &[u8]) -> Option<usize> {
    let mid = bytes.len() / 2;
    let mut quoted = bytes[..mid].iter().filter(|&&b| b == b'"').count() % 2 == 1;
    for (i, &b) in bytes[mid..].iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => return Some(mid + i + 1),
            _ => {}
        }
    }
    None
}

/// Records read by one thread, and its count of line breaks inside quoted
/// cells (which do not start a row).
#[derive(Default)]
struct Run {
    records: Rows,
    /// The records' text while they are read.
    bytes: Vec<u8>,
    rows: Vec<usize>,
    inner_breaks: u64,
    /// Where the first record starts.
    first: Option<Position>,
    /// Set when the records outgrow [`Rows`].
    full: bool,
}

impl Run {
    fn sized(bytes: usize) -> Self {
        Self {
            bytes: Vec::with_capacity(bytes),
            ..Self::default()
        }
    }

    /// Reads records to the end, or until one starts at or past `until`,
    /// which is returned unread into the run.
    fn read(
        &mut self,
        reader: &mut Reader<&[u8]>,
        until: Option<usize>,
    ) -> Result<Option<ByteRecord>, LoadError> {
        let mut record = ByteRecord::new();
        loop {
            match reader.read_byte_record(&mut record) {
                Ok(true) => {}
                Ok(false) => return Ok(None),
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    return Err(LoadError::Format(said!(
                        "csv-not-readable",
                        line = line.to_string(),
                        reason = e.to_string()
                    )));
                }
            }
            let start = record.position().map_or(0, |p| p.byte());
            if until.is_some_and(|until| start >= until as u64) {
                return Ok(Some(record));
            }
            self.push(&record);
        }
    }

    fn push(&mut self, record: &ByteRecord) {
        if self.first.is_none() {
            self.first = record.position().cloned();
        }
        // Rows as a spreadsheet numbers them: the line of the record's
        // start, less the line breaks inside earlier quoted cells.
        let line = record.position().map_or(0, |p| p.line());
        let row = line.saturating_sub(self.inner_breaks);
        self.rows.push(usize::try_from(row).unwrap_or(usize::MAX));
        self.inner_breaks += memchr::memchr_iter(b'\n', record.as_slice()).count() as u64;
        self.full |= !self.records.push(&mut self.bytes, record);
    }

    /// The records read, their text checked as UTF-8 once.
    fn finish(&mut self) -> Result<(), LoadError> {
        if self.full {
            return Err(LoadError::Format(said!("csv-too-much-text")));
        }
        let bytes = std::mem::take(&mut self.bytes);
        let text = String::from_utf8(bytes)
            .map_err(|e| LoadError::Format(said!("csv-not-utf8", reason = e.to_string())))?;
        self.records.set_text(text);
        Ok(())
    }

    /// Whether this run, read from byte `split`, starts with the record
    /// another reader found at `stop`.
    fn starts_where(&self, stop: &ByteRecord, split: usize) -> bool {
        let (Some(first), Some(stop)) = (&self.first, stop.position()) else {
            return false;
        };
        split as u64 + first.byte() == stop.byte()
    }

    /// Adds `tail`, read from the record found at `stop`, its lines and
    /// rows counted on from this run's.
    fn append(&mut self, tail: Run, stop: &ByteRecord) {
        let lines_before = match (stop.position(), &tail.first) {
            (Some(stop), Some(first)) => stop.line().saturating_sub(first.line()),
            _ => 0,
        };
        let offset = lines_before.saturating_sub(self.inner_breaks);
        let offset = usize::try_from(offset).unwrap_or(usize::MAX);
        self.rows
            .extend(tail.rows.iter().map(|row| row.saturating_add(offset)));
        self.records.append(tail.records);
        self.inner_breaks += tail.inner_breaks;
    }

    fn into_records(self, headers: Vec<String>) -> Records {
        debug_assert!(self.bytes.is_empty(), "finish() before");
        Records {
            headers,
            records: self.records,
            rows: self.rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every split point of `text` reads the same records on the same rows
    /// as one reader does.
    fn assert_any_split_reads_as_one(text: &str) {
        let one = read_split(text, b',', None).unwrap();
        for split in 1..text.len() {
            if !text.is_char_boundary(split) {
                continue;
            }
            let two = read_split(text, b',', Some(split)).unwrap();
            assert_eq!(one.headers, two.headers);
            let cells = |rows: &Rows| -> Vec<Vec<String>> {
                rows.iter()
                    .map(|r| r.iter().map(str::to_owned).collect())
                    .collect()
            };
            assert_eq!(
                cells(&one.records),
                cells(&two.records),
                "split at {split} of {text:?}"
            );
            assert_eq!(one.rows, two.rows, "rows, split at {split} of {text:?}");
        }
    }

    #[test]
    fn reading_from_any_split_gives_what_one_reader_gives() {
        assert_any_split_reads_as_one("a,b\n1,2\n3,4\n5,6\n7,8\n");
        // Line breaks inside quoted cells, blank lines, CRLF, doubled quotes.
        assert_any_split_reads_as_one(
            "name,note\r\n\"x\",\"two\nlines\"\r\n\r\n\"y \"\"q\"\"\",plain\r\nz,\"a,b\n\nc\"\nw,end",
        );
        // A stray quote inside an unquoted cell makes the quote count lie.
        assert_any_split_reads_as_one("a,b\n5\" pipe,1\nx,2\ny,3\n\"q\nr\",4\nz,5\n");
    }

    #[test]
    fn the_split_falls_on_a_line_break_outside_quotes() {
        let text = b"h\n\"a\nb\nc\nd\"\ne\nf\n";
        let split = split_point(text).unwrap();
        assert_eq!(&text[..split], b"h\n\"a\nb\nc\nd\"\n");
        assert_eq!(split_point(b"no line break at all"), None);
    }
}
