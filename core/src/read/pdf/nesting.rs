//! Form XObjects (drawings reused by name with `Do`) may draw other forms; the content
//! interpreter follows them by recursion, with no bound, so a form that draws itself (or a
//! chain of thousands) would overflow the stack — an abort no `catch_unwind` stops. Before
//! any page is read, the forms a page can reach are walked here: a cycle, or nesting
//! deeper than [`MAX_PDF_FORM_NESTING`], is refused.
//!
//! A form with its own `/Resources` draws the forms listed there; one without draws from
//! the resources of whoever drew it (as the interpreter does), so it gets every form of
//! each context it is drawn from.

use std::collections::{HashMap, HashSet};

use pdf_extract::{Dictionary, Document, Object, ObjectId};

use crate::limits::MAX_PDF_FORM_NESTING;

/// What is wrong with the nesting of the forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Nesting {
    /// A form draws itself, directly or through others.
    Cycle(ObjectId),
    /// Forms nest deeper than the bound.
    TooDeep,
    /// A page's chain of parents in the page tree does not end (a loop).
    PageTree(u32),
}

/// An object, through one reference.
fn resolve<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Object> {
    match object {
        Object::Reference(id) => doc.objects.get(id),
        other => Some(other),
    }
}

/// A dictionary entry as a dictionary, through one reference.
fn dict<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    match resolve(doc, d.get(key).ok()?)? {
        Object::Dictionary(d) => Some(d),
        _ => None,
    }
}

/// Whether a content stream may draw a named object: it has a `Do` operator (a byte
/// search, so `(Do)` in a string counts too: only ever more careful). Unreadable content
/// counts as drawing (the interpreter may still read some of it).
fn draws(content: &[u8]) -> bool {
    content.windows(4).any(|w| match w {
        [a, b'D', b'o', c] => {
            (a.is_ascii_whitespace() || matches!(a, b']' | b')' | b'>' | b'/'))
                && (c.is_ascii_whitespace() || matches!(c, b'/' | b'[' | b'(' | b'<'))
        }
        _ => false,
    }) || content.starts_with(b"Do")
        || content.ends_with(b"Do")
}

/// A form XObject's own resources (if any), and whether its content draws named objects.
type Form<'a> = (ObjectId, Option<&'a Dictionary>, bool);

/// The form XObjects (any stream but an image) a resource dictionary names.
fn forms<'a>(doc: &'a Document, resources: &'a Dictionary) -> Vec<Form<'a>> {
    let Some(xobjects) = dict(doc, resources, b"XObject") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (_, value) in xobjects.iter() {
        let Object::Reference(id) = value else {
            continue;
        };
        let Some(Object::Stream(stream)) = doc.objects.get(id) else {
            continue;
        };
        // The interpreter runs any named stream but an image (emptied before) as a form,
        // whatever its /Subtype says: a page's own content named as an XObject included.
        let image = matches!(stream.dict.get(b"Subtype"), Ok(Object::Name(n)) if n == b"Image");
        if !image {
            let drawing = if stream.dict.get(b"Filter").is_ok() {
                stream.decompressed_content().map_or(true, |c| draws(&c))
            } else {
                draws(&stream.content)
            };
            out.push((*id, dict(doc, &stream.dict, b"Resources"), drawing));
        }
    }
    out
}

/// The resources of a page, inherited from its ancestors when it has none (bounded walk).
fn page_resources(doc: &Document, page: ObjectId) -> Option<&Dictionary> {
    let mut node = doc.get_dictionary(page).ok()?;
    for _ in 0..64 {
        if let Some(r) = dict(doc, node, b"Resources") {
            return Some(r);
        }
        let parent = node.get(b"Parent").ok()?.as_reference().ok()?;
        node = doc.get_dictionary(parent).ok()?;
    }
    None
}

/// Checks that no form draws itself and that forms nest at most [`MAX_PDF_FORM_NESTING`]
/// deep.
pub(super) fn check(doc: &Document) -> Result<(), Nesting> {
    // The interpreter looks up inherited page attributes by recursion up the parents.
    for (&number, &page) in &doc.get_pages() {
        let mut node = doc.get_dictionary(page).ok();
        let mut steps = 0;
        while let Some(parent) = node.and_then(|n| n.get(b"Parent").ok()?.as_reference().ok()) {
            steps += 1;
            if steps > 64 {
                return Err(Nesting::PageTree(number));
            }
            node = doc.get_dictionary(parent).ok();
        }
    }
    // Which forms each form can draw.
    let mut children: HashMap<ObjectId, HashSet<ObjectId>> = HashMap::new();
    let mut contexts: Vec<&Dictionary> = doc
        .get_pages()
        .values()
        .filter_map(|&page| page_resources(doc, page))
        .collect();
    let mut seen_contexts: HashSet<*const Dictionary> = HashSet::new();
    let budget = doc.objects.len().saturating_mul(4).max(64);
    let mut steps = 0usize;
    while let Some(context) = contexts.pop() {
        if !seen_contexts.insert(context as *const Dictionary) {
            continue;
        }
        let named = forms(doc, context);
        for &(form, own, drawing) in &named {
            steps += 1;
            if steps > budget {
                return Err(Nesting::TooDeep);
            }
            let entry = children.entry(form).or_default();
            if !drawing {
                continue;
            }
            match own {
                Some(own) => {
                    entry.extend(forms(doc, own).into_iter().map(|(id, _, _)| id));
                    contexts.push(own);
                }
                None => entry.extend(named.iter().map(|(id, _, _)| *id)),
            }
        }
    }
    // Depth-first, each form once: gray on the path, its depth once done.
    let mut depth: HashMap<ObjectId, usize> = HashMap::new();
    let mut on_path: HashSet<ObjectId> = HashSet::new();
    for &form in children.keys() {
        visit(form, &children, &mut depth, &mut on_path, 1)?;
    }
    Ok(())
}

fn visit(
    form: ObjectId,
    children: &HashMap<ObjectId, HashSet<ObjectId>>,
    depth: &mut HashMap<ObjectId, usize>,
    on_path: &mut HashSet<ObjectId>,
    level: usize,
) -> Result<usize, Nesting> {
    if let Some(&d) = depth.get(&form) {
        return if level + d - 1 > MAX_PDF_FORM_NESTING {
            Err(Nesting::TooDeep)
        } else {
            Ok(d)
        };
    }
    if level > MAX_PDF_FORM_NESTING {
        return Err(Nesting::TooDeep);
    }
    if !on_path.insert(form) {
        return Err(Nesting::Cycle(form));
    }
    let mut deepest = 0;
    if let Some(next) = children.get(&form) {
        for &child in next {
            if child == form || on_path.contains(&child) {
                return Err(Nesting::Cycle(child));
            }
            deepest = deepest.max(visit(child, children, depth, on_path, level + 1)?);
        }
    }
    on_path.remove(&form);
    depth.insert(form, deepest + 1);
    Ok(deepest + 1)
}
