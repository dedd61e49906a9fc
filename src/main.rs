use clap::Parser;

fn main() {
    let cli = fahras::cli::Cli::parse();
    std::process::exit(fahras::cli::run(cli));
}
