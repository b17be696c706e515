//! What a PDF page draws, as far as a form goes: its characters with their positions and
//! sizes, and its ruling lines (stroked axis-aligned segments, thin filled rectangles),
//! collected from `pdf-extract`'s content stream interpreter ([`OutputDev`]), which
//! decodes the fonts (simple encodings, CID fonts through their ToUnicode maps) and
//! tracks the text and graphics matrices. All coordinates are page space (PDF points,
//! `y` growing upwards).

use pdf_extract::{ColorSpace, MediaBox, OutputDev, OutputError, Path, PathOp, Transform};

use crate::limits::{MAX_PDF_PAGE_GLYPHS, MAX_PDF_PAGE_RULINGS};

/// The thickest filled rectangle read as a ruling line (points): Word and WPS draw cell
/// borders as filled rectangles 0.5–1.5 pt thick; cell shading is far larger.
const MAX_RULE_THICKNESS: f64 = 2.5;

/// The shortest segment read as a ruling line (points): dots and ticks are not borders.
const MIN_RULE_LENGTH: f64 = 2.0;

/// How far from axis-aligned a stroked segment may be and still be a ruling (points).
const AXIS_SLACK: f64 = 0.5;

/// One drawn character.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Glyph {
    /// The left end of its baseline.
    pub x: f64,
    /// Its baseline.
    pub y: f64,
    /// Its advance width (the next character starts this far right).
    pub advance: f64,
    /// The font size in page space (the height of an em).
    pub size: f64,
    /// Its text (a space for a space glyph; a ligature may be several characters).
    pub text: String,
}

impl Glyph {
    /// The middle of the character's box, which tells the cell it is in.
    pub fn center(&self) -> (f64, f64) {
        (self.x + self.advance / 2.0, self.y + self.size * 0.35)
    }

    /// Whether it draws nothing but white space.
    pub fn is_space(&self) -> bool {
        self.text.chars().all(char::is_whitespace)
    }
}

/// One ruling line: horizontal (at a `y`, from `x` to `x`) or vertical (at an `x`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Rule {
    /// Whether it runs left to right.
    pub horizontal: bool,
    /// Its `y` when horizontal, its `x` when vertical.
    pub at: f64,
    /// Where it starts along its direction (the smaller end).
    pub from: f64,
    /// Where it ends (the larger end).
    pub to: f64,
}

/// What one page draws.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Page {
    /// The 1-based page number.
    pub number: u32,
    /// The characters, in drawing order.
    pub glyphs: Vec<Glyph>,
    /// The ruling lines, in drawing order.
    pub rules: Vec<Rule>,
}

/// A page bound exceeded: the page, what, and the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Overflow {
    /// The 1-based page number.
    pub page: u32,
    /// `characters` or `ruling lines`.
    pub what: &'static str,
    /// The limit.
    pub limit: usize,
}

/// The [`OutputDev`] that keeps what [`Page`] holds, page by page, and stops the
/// interpreter (with an error it recognizes by `overflow`) past a page bound.
#[derive(Debug, Default)]
pub(super) struct Collector {
    /// The pages read so far; the last one is being read.
    pub pages: Vec<Page>,
    /// Set when a bound stopped the reading.
    pub overflow: Option<Overflow>,
}

impl Collector {
    fn page(&mut self) -> Option<&mut Page> {
        self.pages.last_mut()
    }

    /// The page being read (0 before the first).
    pub fn current_page(&self) -> u32 {
        self.pages.last().map_or(0, |p| p.number)
    }

    fn stop(&mut self, what: &'static str, limit: usize) -> OutputError {
        self.overflow = Some(Overflow {
            page: self.current_page(),
            what,
            limit,
        });
        OutputError::FormatError(std::fmt::Error)
    }

    fn add_rules(
        &mut self,
        ctm: &Transform,
        path: &Path,
        stroked: bool,
    ) -> Result<(), OutputError> {
        let mut found = Vec::new();
        if stroked {
            stroked_rules(ctm, path, &mut found);
        } else {
            filled_rules(ctm, path, &mut found);
        }
        let Some(page) = self.page() else {
            return Ok(());
        };
        if page.rules.len() + found.len() > MAX_PDF_PAGE_RULINGS {
            return Err(self.stop("ruling lines", MAX_PDF_PAGE_RULINGS));
        }
        page.rules.extend(found);
        Ok(())
    }
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        page_num: u32,
        _media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.pages.push(Page {
            number: page_num,
            ..Page::default()
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        let text: String = char
            .chars()
            .filter(|c| !c.is_control())
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect();
        // The text rendering matrix maps text space (one unit = one font size) to the page.
        let scale_x = trm.m11.hypot(trm.m12);
        let scale_y = trm.m21.hypot(trm.m22);
        let glyph = Glyph {
            x: trm.m31,
            y: trm.m32,
            advance: (width * font_size + spacing).max(0.0) * scale_x,
            size: (font_size * scale_y).abs(),
            text,
        };
        if glyph.text.is_empty() || !glyph.x.is_finite() || !glyph.y.is_finite() {
            return Ok(());
        }
        if !(glyph.advance.is_finite() && glyph.size.is_finite()) {
            return Ok(());
        }
        let Some(page) = self.page() else {
            return Ok(());
        };
        if page.glyphs.len() >= MAX_PDF_PAGE_GLYPHS {
            return Err(self.stop("characters", MAX_PDF_PAGE_GLYPHS));
        }
        page.glyphs.push(glyph);
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn stroke(
        &mut self,
        ctm: &Transform,
        colorspace: &ColorSpace,
        color: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        if is_white(colorspace, color) {
            return Ok(());
        }
        self.add_rules(ctm, path, true)
    }

    fn fill(
        &mut self,
        ctm: &Transform,
        colorspace: &ColorSpace,
        color: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        if is_white(colorspace, color) {
            return Ok(());
        }
        self.add_rules(ctm, path, false)
    }
}

/// Whether a colour is white (an invisible border on paper).
fn is_white(colorspace: &ColorSpace, color: &[f64]) -> bool {
    let near = |v: &f64, target: f64| (v - target).abs() < 0.02;
    match colorspace {
        ColorSpace::DeviceGray | ColorSpace::CalGray(_) => {
            color.len() == 1 && color.iter().all(|v| near(v, 1.0))
        }
        ColorSpace::DeviceRGB | ColorSpace::CalRGB(_) => {
            color.len() == 3 && color.iter().all(|v| near(v, 1.0))
        }
        ColorSpace::DeviceCMYK => color.len() == 4 && color.iter().all(|v| near(v, 0.0)),
        _ => false,
    }
}

/// A point of user space in page space.
fn apply(ctm: &Transform, x: f64, y: f64) -> (f64, f64) {
    (
        ctm.m11 * x + ctm.m21 * y + ctm.m31,
        ctm.m12 * x + ctm.m22 * y + ctm.m32,
    )
}

/// The ruling a straight segment is, when it is axis-aligned and long enough.
fn segment(a: (f64, f64), b: (f64, f64)) -> Option<Rule> {
    let (dx, dy) = ((b.0 - a.0).abs(), (b.1 - a.1).abs());
    if !(dx.is_finite() && dy.is_finite()) {
        return None;
    }
    if dy <= AXIS_SLACK && dx >= MIN_RULE_LENGTH {
        Some(Rule {
            horizontal: true,
            at: (a.1 + b.1) / 2.0,
            from: a.0.min(b.0),
            to: a.0.max(b.0),
        })
    } else if dx <= AXIS_SLACK && dy >= MIN_RULE_LENGTH {
        Some(Rule {
            horizontal: false,
            at: (a.0 + b.0) / 2.0,
            from: a.1.min(b.1),
            to: a.1.max(b.1),
        })
    } else {
        None
    }
}

/// The corners of a rectangle path operation, in page space, in drawing order.
fn corners(ctm: &Transform, x: f64, y: f64, w: f64, h: f64) -> [(f64, f64); 4] {
    [
        apply(ctm, x, y),
        apply(ctm, x + w, y),
        apply(ctm, x + w, y + h),
        apply(ctm, x, y + h),
    ]
}

/// The rulings of a stroked path: each axis-aligned straight piece.
fn stroked_rules(ctm: &Transform, path: &Path, out: &mut Vec<Rule>) {
    let mut current: Option<(f64, f64)> = None;
    let mut start: Option<(f64, f64)> = None;
    for op in &path.ops {
        match *op {
            PathOp::MoveTo(x, y) => {
                current = Some(apply(ctm, x, y));
                start = current;
            }
            PathOp::LineTo(x, y) => {
                let to = apply(ctm, x, y);
                if let Some(from) = current {
                    out.extend(segment(from, to));
                }
                current = Some(to);
            }
            PathOp::CurveTo(_, _, _, _, x, y) => current = Some(apply(ctm, x, y)),
            PathOp::Rect(x, y, w, h) => {
                let c = corners(ctm, x, y, w, h);
                for i in 0..4 {
                    out.extend(segment(c[i], c[(i + 1) % 4]));
                }
                current = Some(c[0]);
                start = current;
            }
            PathOp::Close => {
                if let (Some(from), Some(to)) = (current, start) {
                    out.extend(segment(from, to));
                }
                current = start;
            }
        }
    }
}

/// The rulings of a filled path: each sub-path whose bounding box is a thin bar.
fn filled_rules(ctm: &Transform, path: &Path, out: &mut Vec<Rule>) {
    let mut points: Vec<(f64, f64)> = Vec::new();
    let flush = |points: &mut Vec<(f64, f64)>, out: &mut Vec<Rule>| {
        out.extend(thin_bar(points));
        points.clear();
    };
    for op in &path.ops {
        match *op {
            PathOp::MoveTo(x, y) => {
                flush(&mut points, out);
                points.push(apply(ctm, x, y));
            }
            PathOp::LineTo(x, y) => points.push(apply(ctm, x, y)),
            PathOp::CurveTo(_, _, _, _, x, y) => {
                // A curved outline is not a bar: poison the box with its end point only.
                points.push(apply(ctm, x, y));
            }
            PathOp::Rect(x, y, w, h) => {
                flush(&mut points, out);
                points.extend(corners(ctm, x, y, w, h));
                flush(&mut points, out);
            }
            PathOp::Close => {}
        }
    }
    flush(&mut points, out);
}

/// The ruling a filled outline is when its bounding box is thin and long.
fn thin_bar(points: &[(f64, f64)]) -> Option<Rule> {
    let first = points.first()?;
    let (mut x0, mut y0, mut x1, mut y1) = (first.0, first.1, first.0, first.1);
    for p in points {
        x0 = x0.min(p.0);
        y0 = y0.min(p.1);
        x1 = x1.max(p.0);
        y1 = y1.max(p.1);
    }
    let (w, h) = (x1 - x0, y1 - y0);
    if !(w.is_finite() && h.is_finite()) {
        return None;
    }
    if h <= MAX_RULE_THICKNESS && w >= MIN_RULE_LENGTH && w > h {
        Some(Rule {
            horizontal: true,
            at: (y0 + y1) / 2.0,
            from: x0,
            to: x1,
        })
    } else if w <= MAX_RULE_THICKNESS && h >= MIN_RULE_LENGTH && h > w {
        Some(Rule {
            horizontal: false,
            at: (x0 + x1) / 2.0,
            from: y0,
            to: y1,
        })
    } else {
        None
    }
}
