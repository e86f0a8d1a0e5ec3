//! The `sitmap` binary: everything lives in the library.

fn main() -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    tune_allocator();
    sitmap::cli::run(started)
}

/// Tile buffers are 256 KiB and cross threads (rendered on a worker, freed on the
/// UI thread). glibc's dynamic mmap threshold would soon keep them in per-thread
/// arenas that only grow; a fixed threshold returns each one to the system.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_allocator() {
    // SAFETY: mallopt only changes allocator parameters; called before any thread starts.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_allocator() {}
