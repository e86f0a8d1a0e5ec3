//! The `sitmap` binary: everything lives in the library.

fn main() -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    sitmap::allocator::tune();
    sitmap::cli::run(started)
}
