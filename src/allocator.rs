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
