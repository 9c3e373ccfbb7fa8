use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(blast_radius::cli::main())
}
