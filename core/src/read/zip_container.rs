//! The zip container of an Office Open XML file (an `.xlsx` workbook, a `.docx` Word
//! document), checked before anything in it is inflated.
//!
//! Bounds ([`crate::limits`]): at most [`MAX_ZIP_ENTRIES`] entries, each declaring at most
//! [`MAX_ZIP_ENTRY_BYTES`] uncompressed and all together at most [`MAX_ZIP_TOTAL_BYTES`].
//! Declared sizes are what counts: the zip library stops inflating an entry at its
//! declared size (a larger stream is an error, not more data), so a zip bomb is refused
//! from its central directory, unread.

use std::io::{Cursor, Read};

use zip::result::ZipError;
use zip::ZipArchive;

use crate::error::{Location, ReadError};
use crate::limits::{MAX_ZIP_ENTRIES, MAX_ZIP_ENTRY_BYTES, MAX_ZIP_TOTAL_BYTES};

/// A zip archive over the input bytes.
pub(crate) type Archive<'a> = ZipArchive<Cursor<&'a [u8]>>;

/// What kind of file a container is, for messages.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Container {
    /// The file in messages: `workbook`, `Word document`.
    pub noun: &'static str,
    /// What a large entry usually is: `sheet`, `part`.
    pub part: &'static str,
    /// The message for a zip that does not open: `corrupt or not an .xlsx workbook`.
    pub corrupt: &'static str,
}

/// An `.xlsx` workbook.
pub(crate) const WORKBOOK: Container = Container {
    noun: "workbook",
    part: "sheet",
    corrupt: "corrupt or not an .xlsx workbook",
};

/// A `.docx` Word document.
pub(crate) const WORD_DOCUMENT: Container = Container {
    noun: "Word document",
    part: "part",
    corrupt: "corrupt or not a .docx Word document",
};

/// Opens the zip container and checks its entry count and declared sizes.
pub(crate) fn open<'a>(
    bytes: &'a [u8],
    at: &Location,
    kind: Container,
) -> Result<Archive<'a>, ReadError> {
    let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| ReadError::Workbook {
        at: at.clone(),
        message: format!("{}: {e}", kind.corrupt),
    })?;
    let mut archive = archive;
    check_sizes(&mut archive, at, kind)?;
    Ok(archive)
}

/// Checks the entry count and the declared uncompressed sizes (see the module
/// documentation). An entry that cannot even be listed is left to whoever reads it.
fn check_sizes(archive: &mut Archive<'_>, at: &Location, kind: Container) -> Result<(), ReadError> {
    let noun = kind.noun;
    if archive.len() > MAX_ZIP_ENTRIES {
        return Err(ReadError::TooLarge {
            at: at.clone(),
            what: format!("the {noun}'s zip container ({} entries)", archive.len()),
            limit: format!("{MAX_ZIP_ENTRIES} entries"),
        });
    }
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let Ok(entry) = archive.by_index_raw(i) else {
            continue;
        };
        let size = entry.size();
        if size > MAX_ZIP_ENTRY_BYTES {
            let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
            return Err(ReadError::TooLarge {
                at: at.clone(),
                what: format!(
                    "the {noun} entry `{name}` ({size} bytes uncompressed: a zip bomb or a {} too large to read)",
                    kind.part
                ),
                limit: format!("{MAX_ZIP_ENTRY_BYTES} bytes per entry"),
            });
        }
        total = total.saturating_add(size);
    }
    if total > MAX_ZIP_TOTAL_BYTES {
        return Err(ReadError::TooLarge {
            at: at.clone(),
            what: format!("the {noun} ({total} bytes uncompressed)"),
            limit: format!("{MAX_ZIP_TOTAL_BYTES} bytes uncompressed"),
        });
    }
    Ok(())
}

/// The whole of the entry `name`, or `None` when the container has no such entry. Its
/// declared size was checked by [`open`]; reading stops one byte past it whatever the
/// stream holds. A corrupt stream (bad deflate data, a wrong checksum, an encrypted
/// entry) is an error naming the entry.
pub(crate) fn read_entry(
    archive: &mut Archive<'_>,
    name: &str,
    at: &Location,
    kind: Container,
) -> Result<Option<Vec<u8>>, ReadError> {
    let corrupt = |e: &dyn std::fmt::Display| ReadError::Workbook {
        at: at.clone(),
        message: format!("the {} entry `{name}` cannot be read: {e}", kind.noun),
    };
    let entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(corrupt(&e)),
    };
    let size = entry.size();
    let mut bytes = Vec::new();
    entry
        .take(MAX_ZIP_ENTRY_BYTES.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| corrupt(&e))?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > size.min(MAX_ZIP_ENTRY_BYTES) {
        return Err(corrupt(&"it inflates past its declared size"));
    }
    Ok(Some(bytes))
}

/// Whether the container has an entry `name`.
pub(crate) fn has_entry(archive: &Archive<'_>, name: &str) -> bool {
    archive.index_for_name(name).is_some()
}
