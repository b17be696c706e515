//! Ruled tables from ruling lines: the lines that touch each other form a table; its
//! column boundaries are the `x` of its vertical lines, its row boundaries the `y` of its
//! horizontal lines (each within [`SNAP`] of one another counted once). Two neighbouring
//! grid cells are one cell (a merge) when no line runs between them: a vertical line
//! crossing the middle of their row, a horizontal one crossing the middle of their column.

use super::extract::Rule;

/// How close two coordinates are to be the same boundary, and how far a line may stop
/// short of another and still touch it (points): producers draw each cell's border on
/// its own, overlapping or stopping short by up to a line width.
const SNAP: f64 = 1.5;

/// A rectangle of grid cells that is one cell of the table (0-based, both ends included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Region {
    /// The first grid row (0 is the top).
    pub top: usize,
    /// The first grid column (0 is the left).
    pub left: usize,
    /// The last grid row.
    pub bottom: usize,
    /// The last grid column.
    pub right: usize,
}

/// One ruled table of a page.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Table {
    /// Column boundaries, left to right (one more than the columns).
    pub xs: Vec<f64>,
    /// Row boundaries, top to bottom (decreasing `y`; one more than the rows).
    pub ys: Vec<f64>,
    /// The cells (merged ones once), in reading order of their top-left grid cell.
    pub regions: Vec<Region>,
    /// The region of each grid cell, row by row.
    cell_region: Vec<usize>,
}

impl Table {
    /// The number of grid rows.
    pub fn rows(&self) -> usize {
        self.ys.len().saturating_sub(1)
    }

    /// The number of grid columns.
    pub fn columns(&self) -> usize {
        self.xs.len().saturating_sub(1)
    }

    /// The top edge (`y` of the first boundary).
    pub fn top(&self) -> f64 {
        self.ys.first().copied().unwrap_or(0.0)
    }

    /// The region holding a point of the page, when the point is inside the table.
    pub fn region_at(&self, x: f64, y: f64) -> Option<usize> {
        let column = self.xs.windows(2).position(|w| match w {
            [a, b] => *a <= x && x < *b,
            _ => false,
        })?;
        let row = self.ys.windows(2).position(|w| match w {
            [a, b] => *a >= y && y > *b,
            _ => false,
        })?;
        self.cell_region.get(row * self.columns() + column).copied()
    }
}

/// Clusters of nearby coordinates, each given as its mean, in increasing order.
fn snap(mut values: Vec<f64>) -> Vec<f64> {
    values.sort_by(f64::total_cmp);
    let mut out: Vec<(f64, usize, f64)> = Vec::new(); // (sum, count, last)
    for v in values {
        match out.last_mut() {
            Some((sum, count, last)) if v - *last <= SNAP => {
                *sum += v;
                *count += 1;
                *last = v;
            }
            _ => out.push((v, 1, v)),
        }
    }
    out.into_iter()
        .map(|(sum, count, _)| sum / count as f64)
        .collect()
}

/// Whether a horizontal and a vertical line touch.
fn touch(h: &Rule, v: &Rule) -> bool {
    h.from - SNAP <= v.at && v.at <= h.to + SNAP && v.from - SNAP <= h.at && h.at <= v.to + SNAP
}

/// Union-find root with path halving.
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while let Some(&p) = parent.get(i) {
        if p == i {
            break;
        }
        let grand = parent.get(p).copied().unwrap_or(p);
        if let Some(slot) = parent.get_mut(i) {
            *slot = grand;
        }
        i = grand;
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (root(parent, a), root(parent, b));
    if ra != rb {
        if let Some(slot) = parent.get_mut(ra.max(rb)) {
            *slot = ra.min(rb);
        }
    }
}

/// The tables the ruling lines of a page draw, top to bottom. A group of touching lines
/// with fewer than two row or two column boundaries (an underline, a frame) is not a table.
/// `max_cells` bounds one table's grid; a larger one is returned as `Err(cells)`.
pub(super) fn find_tables(rules: &[Rule], max_cells: usize) -> Result<Vec<Table>, usize> {
    let hs: Vec<&Rule> = rules.iter().filter(|r| r.horizontal).collect();
    let vs: Vec<&Rule> = rules.iter().filter(|r| !r.horizontal).collect();
    let mut parent: Vec<usize> = (0..hs.len() + vs.len()).collect();
    for (i, h) in hs.iter().enumerate() {
        for (j, v) in vs.iter().enumerate() {
            if touch(h, v) {
                union(&mut parent, i, hs.len() + j);
            }
        }
    }
    let mut groups: Vec<(usize, Vec<&Rule>, Vec<&Rule>)> = Vec::new();
    for i in 0..parent.len() {
        let r = root(&mut parent, i);
        let rule = if i < hs.len() {
            hs.get(i)
        } else {
            vs.get(i - hs.len())
        };
        let Some(rule) = rule.copied() else { continue };
        let group = match groups.iter().position(|g| g.0 == r) {
            Some(g) => g,
            None => {
                groups.push((r, Vec::new(), Vec::new()));
                groups.len() - 1
            }
        };
        if let Some(g) = groups.get_mut(group) {
            if rule.horizontal {
                g.1.push(rule);
            } else {
                g.2.push(rule);
            }
        }
    }
    let mut tables = Vec::new();
    for (_, hs, vs) in groups {
        if let Some(table) = table(&hs, &vs, max_cells)? {
            tables.push(table);
        }
    }
    tables.sort_by(|a, b| b.top().total_cmp(&a.top()));
    Ok(tables)
}

/// The table of one group of touching lines, when it has at least one cell.
fn table(hs: &[&Rule], vs: &[&Rule], max_cells: usize) -> Result<Option<Table>, usize> {
    if hs.is_empty() || vs.is_empty() {
        return Ok(None);
    }
    // The outer edges count even where a side has no border line of its own.
    let mut xs_in: Vec<f64> = vs.iter().map(|v| v.at).collect();
    xs_in.extend(hs.iter().map(|h| h.from));
    xs_in.extend(hs.iter().map(|h| h.to));
    let mut ys_in: Vec<f64> = hs.iter().map(|h| h.at).collect();
    ys_in.extend(vs.iter().map(|v| v.from));
    ys_in.extend(vs.iter().map(|v| v.to));
    let (left, right) = bounds(&xs_in);
    let (bottom, top) = bounds(&ys_in);
    let mut xs = snap(vs.iter().map(|v| v.at).chain([left, right]).collect());
    let mut ys = snap(hs.iter().map(|h| h.at).chain([bottom, top]).collect());
    ys.reverse();
    xs.dedup();
    let (rows, columns) = (ys.len().saturating_sub(1), xs.len().saturating_sub(1));
    if rows == 0 || columns == 0 {
        return Ok(None);
    }
    let cells = rows.saturating_mul(columns);
    if cells > max_cells {
        return Err(cells);
    }
    // Which boundary each line lies on.
    let on = |boundaries: &[f64], at: f64| {
        boundaries
            .iter()
            .position(|b| (b - at).abs() <= SNAP)
            .or_else(|| {
                boundaries
                    .iter()
                    .enumerate()
                    .min_by(|a, b| (a.1 - at).abs().total_cmp(&(b.1 - at).abs()))
                    .map(|(i, _)| i)
            })
    };
    let mut vertical: Vec<Vec<(f64, f64)>> = vec![Vec::new(); xs.len()];
    for v in vs {
        if let Some(slot) = on(&xs, v.at).and_then(|i| vertical.get_mut(i)) {
            slot.push((v.from, v.to));
        }
    }
    let mut horizontal: Vec<Vec<(f64, f64)>> = vec![Vec::new(); ys.len()];
    for h in hs {
        if let Some(slot) = on(&ys, h.at).and_then(|i| horizontal.get_mut(i)) {
            slot.push((h.from, h.to));
        }
    }
    let crosses = |lines: Option<&Vec<(f64, f64)>>, at: f64| {
        lines.is_some_and(|ls| ls.iter().any(|(a, b)| a - SNAP <= at && at <= b + SNAP))
    };
    let mid = |v: &[f64], i: usize| match (v.get(i), v.get(i + 1)) {
        (Some(a), Some(b)) => (a + b) / 2.0,
        _ => 0.0,
    };
    let mut parent: Vec<usize> = (0..cells).collect();
    for r in 0..rows {
        let y = mid(&ys, r);
        for c in 0..columns {
            let x = mid(&xs, c);
            if c + 1 < columns && !crosses(vertical.get(c + 1), y) {
                union(&mut parent, r * columns + c, r * columns + c + 1);
            }
            if r + 1 < rows && !crosses(horizontal.get(r + 1), x) {
                union(&mut parent, r * columns + c, (r + 1) * columns + c);
            }
        }
    }
    Ok(Some(regions(rows, columns, &mut parent, xs, ys)))
}

/// The smallest and largest of some coordinates.
fn bounds(values: &[f64]) -> (f64, f64) {
    values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(*v), hi.max(*v))
        })
}

/// The regions of the joined grid cells. A joined group that is not a rectangle (lines
/// that do not draw cells) is taken apart into its grid cells.
fn regions(rows: usize, columns: usize, parent: &mut [usize], xs: Vec<f64>, ys: Vec<f64>) -> Table {
    let cells = rows * columns;
    let mut boxes: Vec<Option<(Region, usize)>> = vec![None; cells];
    for i in 0..cells {
        let (r, c) = (i / columns, i % columns);
        let g = root(parent, i);
        if let Some(slot) = boxes.get_mut(g) {
            let (b, n) = slot.get_or_insert((
                Region {
                    top: r,
                    left: c,
                    bottom: r,
                    right: c,
                },
                0,
            ));
            b.top = b.top.min(r);
            b.left = b.left.min(c);
            b.bottom = b.bottom.max(r);
            b.right = b.right.max(c);
            *n += 1;
        }
    }
    let mut regions = Vec::new();
    let mut cell_region = vec![0usize; cells];
    let mut index_of: Vec<Option<usize>> = vec![None; cells];
    for i in 0..cells {
        let (r, c) = (i / columns, i % columns);
        let g = root(parent, i);
        let Some(Some((b, n))) = boxes.get(g).copied() else {
            continue;
        };
        let rectangle = (b.bottom - b.top + 1) * (b.right - b.left + 1) == n;
        let index = if rectangle {
            match index_of.get(g).copied().flatten() {
                Some(index) => index,
                None => {
                    regions.push(b);
                    if let Some(slot) = index_of.get_mut(g) {
                        *slot = Some(regions.len() - 1);
                    }
                    regions.len() - 1
                }
            }
        } else {
            regions.push(Region {
                top: r,
                left: c,
                bottom: r,
                right: c,
            });
            regions.len() - 1
        };
        if let Some(slot) = cell_region.get_mut(i) {
            *slot = index;
        }
    }
    Table {
        xs,
        ys,
        regions,
        cell_region,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(y: f64, from: f64, to: f64) -> Rule {
        Rule {
            horizontal: true,
            at: y,
            from,
            to,
        }
    }

    fn v(x: f64, from: f64, to: f64) -> Rule {
        Rule {
            horizontal: false,
            at: x,
            from,
            to,
        }
    }

    #[test]
    fn merged_cells() -> Result<(), usize> {
        // Two rows, three columns; the first row's last two cells are one (no line at
        // x=20 in the top row); the first column spans both rows.
        let rules = [
            h(100.0, 0.0, 30.0),
            h(90.2, 10.0, 30.0),
            h(80.0, 0.0, 30.0),
            v(0.0, 80.0, 100.0),
            v(10.0, 80.0, 100.0),
            v(20.3, 80.0, 90.0),
            v(30.0, 80.0, 100.0),
        ];
        let tables = find_tables(&rules, 1000)?;
        assert_eq!(tables.len(), 1);
        let t = &tables[0];
        assert_eq!((t.rows(), t.columns()), (2, 3));
        assert_eq!(
            t.regions,
            vec![
                Region {
                    top: 0,
                    left: 0,
                    bottom: 1,
                    right: 0
                },
                Region {
                    top: 0,
                    left: 1,
                    bottom: 0,
                    right: 2
                },
                Region {
                    top: 1,
                    left: 1,
                    bottom: 1,
                    right: 1
                },
                Region {
                    top: 1,
                    left: 2,
                    bottom: 1,
                    right: 2
                },
            ]
        );
        assert_eq!(t.region_at(25.0, 95.0), Some(1));
        assert_eq!(t.region_at(5.0, 82.0), Some(0));
        assert_eq!(t.region_at(40.0, 95.0), None);
        Ok(())
    }

    #[test]
    fn lines_alone_are_no_table() -> Result<(), usize> {
        assert!(find_tables(&[h(10.0, 0.0, 100.0)], 10)?.is_empty());
        assert_eq!(
            find_tables(
                &[
                    h(10.0, 0.0, 100.0),
                    h(0.0, 0.0, 100.0),
                    v(0.0, 0.0, 10.0),
                    v(100.0, 0.0, 10.0)
                ],
                0
            ),
            Err(1)
        );
        Ok(())
    }
}
