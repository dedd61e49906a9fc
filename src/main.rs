use clap::Parser;

// Hits, documents and tokens are many small short-lived allocations made on
// several threads; glibc's allocator spent a third of an export in them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = fahras::cli::Cli::parse();
    std::process::exit(fahras::cli::run(cli));
}
