//! The features of a FlatGeobuf file in a lon/lat box, found through the
//! file's packed Hilbert R-tree and read one by one from the file: only the
//! index nodes on the way and the matching features are read.
//!
//! Our own search rather than the crate's `select_bbox`: that one indexes
//! its level table with node offsets taken from the file and panics on a
//! corrupt index (found by the fuzz tests); here every offset is checked
//! against the level it must point into, and every read against the
//! file's length. The tree layout is the specification's (and the crate's
//! `generate_level_bounds`): levels stored root first, 40-byte nodes
//! (`min_x, min_y, max_x, max_y` as f64, then the child's index or, in a
//! leaf, the feature's byte offset in the data section).

use crate::i18n::said::Said;
use crate::said;
use std::io::{Read, Seek, SeekFrom};

/// One index entry: a box and the offset it carries.
pub(super) struct Node {
    pub(super) min_x: f64,
    pub(super) min_y: f64,
    pub(super) max_x: f64,
    pub(super) max_y: f64,
    pub(super) offset: u64,
}

pub(super) const NODE_BYTES: u64 = 40;

/// The ranges of node indexes of each level, root level first.
pub(super) fn level_bounds(count: u64, node_size: u64) -> Vec<std::ops::Range<u64>> {
    // At least one level above the leaves, as the writers make it.
    let mut sizes = vec![count];
    let mut n = count;
    loop {
        n = n.div_ceil(node_size);
        sizes.push(n);
        if n <= 1 {
            break;
        }
    }
    let total: u64 = sizes.iter().sum();
    // Stored root first: the last level (the root) begins at 0.
    let mut bounds = Vec::with_capacity(sizes.len());
    let mut end = total;
    for size in &sizes {
        bounds.push(end - size..end);
        end -= size;
    }
    bounds.reverse();
    bounds
}

/// The byte offsets (in the data section, ascending) and the numbers in
/// the file of the features whose boxes meet `area`. `index_start` is the index's byte position in the
/// file; `count` and `node_size` are the header's, already checked to fit
/// in the file.
pub(super) fn search<R: Read + Seek>(
    file: &mut R,
    index_start: u64,
    count: u64,
    node_size: u64,
    area: [f64; 4],
) -> Result<Vec<(u64, usize)>, Said> {
    let [west, south, east, north] = area;
    let bounds = level_bounds(count, node_size);
    let leaves = bounds.last().cloned().unwrap_or(0..0);
    let mut found = Vec::new();
    // (first node, its level), breadth first, so the file is read forward.
    let mut queue = std::collections::VecDeque::from([(0u64, 0usize)]);
    let mut buffer = Vec::new();
    while let Some((first, level)) = queue.pop_front() {
        let Some(range) = bounds.get(level) else {
            return Err(said!("fgb-index-below-leaves"));
        };
        if !range.contains(&first) {
            return Err(said!("fgb-index-outside-level", node = first.to_string()));
        }
        let end = (first + node_size).min(range.end);
        let nodes = read_nodes(file, index_start, first, end - first, &mut buffer)?;
        for (at, node) in (first..).zip(nodes) {
            let meets = node.max_x >= west
                && node.min_x <= east
                && node.max_y >= south
                && node.min_y <= north;
            if !meets {
                continue;
            }
            if leaves.contains(&first) {
                let number = usize::try_from(at - leaves.start).unwrap_or(usize::MAX);
                found.push((node.offset, number));
            } else {
                queue.push_back((node.offset, level + 1));
            }
        }
    }
    found.sort_unstable();
    Ok(found)
}

pub(super) fn read_nodes<R: Read + Seek>(
    file: &mut R,
    index_start: u64,
    first: u64,
    length: u64,
    buffer: &mut Vec<u8>,
) -> Result<Vec<Node>, Said> {
    let corrupt = |e: std::io::Error| said!("fgb-index-unreadable", reason = e.to_string());
    file.seek(SeekFrom::Start(index_start + first * NODE_BYTES))
        .map_err(corrupt)?;
    // At most `node_size` nodes (a u16) at a time.
    buffer.resize((length * NODE_BYTES) as usize, 0);
    file.read_exact(buffer).map_err(corrupt)?;
    let f = |at: usize| {
        let mut b = [0u8; 8];
        b.copy_from_slice(&buffer[at..at + 8]);
        b
    };
    Ok(buffer
        .chunks_exact(NODE_BYTES as usize)
        .enumerate()
        .map(|(i, _)| {
            let at = i * NODE_BYTES as usize;
            Node {
                min_x: f64::from_le_bytes(f(at)),
                min_y: f64::from_le_bytes(f(at + 8)),
                max_x: f64::from_le_bytes(f(at + 16)),
                max_y: f64::from_le_bytes(f(at + 24)),
                offset: u64::from_le_bytes(f(at + 32)),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::level_bounds;

    #[test]
    fn the_levels_are_stored_root_first() {
        // 20 leaves, 16 a node: 2 nodes above them, then the root.
        assert_eq!(level_bounds(20, 16), vec![0..1, 1..3, 3..23]);
        assert_eq!(level_bounds(1, 16), vec![0..1, 1..2]);
    }
}
