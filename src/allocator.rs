//! The process's allocator settings, shared by the binary, the benches and
//! the memory tests so that what they measure is what the app does.

/// Tile buffers are 256 KiB and cross threads (rendered on a worker, freed on the
/// UI thread). glibc's dynamic mmap threshold would soon keep them in per-thread
/// arenas that only grow; a fixed threshold returns each one to the system.
/// The same holds for a big file's text and the vectors a load builds and
/// drops: mapped, they go back to the system when freed, and growing one is
/// a remap rather than a copy. Best called before any thread starts.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn tune() {
    // SAFETY: mallopt only changes allocator parameters, under glibc's own lock.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn tune() {}

/// Asks the kernel to back the 2 MiB-aligned stretches of `memory` with
/// transparent huge pages when they are first written. Only for a big
/// buffer that is written through at once (a file's text as it is read):
/// each fresh 4 KiB page of it cost a fault, a zeroing and an accounting,
/// a third of the read; a 2 MiB page costs one fault for 512 of them.
/// Measured on the 200,000-point file (75 MB), 40 runs each: `sitmap
/// check` 251 ms → 240 ms median, with no longer tail. On vectors that
/// grow as a load goes (the features), the same advice made the tail
/// longer (a huge page split at each move), so it is not given there.
/// Mere advice: the kernel may ignore it (THP off, or no huge page free),
/// and the memory reads the same either way.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn advise_huge_pages<T>(memory: &mut [T]) {
    const HUGE: usize = 2 << 20;
    let start = memory.as_mut_ptr() as usize;
    let first = start.next_multiple_of(HUGE);
    let end = (start + std::mem::size_of_val(memory)) / HUGE * HUGE;
    if end > first {
        // SAFETY: advice only; the range lies inside `memory`.
        unsafe {
            libc::madvise(first as *mut libc::c_void, end - first, libc::MADV_HUGEPAGE);
        }
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn advise_huge_pages<T>(_: &mut [T]) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_page_advice_leaves_any_buffer_as_it_was() {
        // Empty, smaller than a huge page, unaligned, and several huge
        // pages long: the advice is taken or ignored, never an error, and
        // what the buffer holds stays.
        for len in [0, 1, 4096, 3 << 20, 9 << 20] {
            let mut bytes: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            advise_huge_pages(&mut bytes);
            advise_huge_pages(bytes.get_mut(1..).unwrap_or_default());
            assert!(bytes.iter().enumerate().all(|(i, &b)| b == (i % 251) as u8));
        }
        let mut fresh = vec![0u8; 5 << 20];
        advise_huge_pages(&mut fresh);
        fresh[(4 << 20) + 7] = 9;
        assert_eq!(fresh.iter().map(|&b| b as usize).sum::<usize>(), 9);
    }
}
