//! `mermaid-render`: render every Mermaid diagram found in the inputs.
//!
//! Exit codes: 0 all diagrams rendered; 1 some diagram failed; 2 usage or
//! I/O error.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = match cli::args::Args::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli::batch::run(&args) {
        Ok(s) => {
            if !args.quiet || s.failed > 0 {
                eprintln!(
                    "{} document{}, {} diagram{} rendered, {} failed{}",
                    s.documents,
                    if s.documents == 1 { "" } else { "s" },
                    s.rendered,
                    if s.rendered == 1 { "" } else { "s" },
                    s.failed,
                    if s.without_diagrams > 0 {
                        format!(", {} without diagrams", s.without_diagrams)
                    } else {
                        String::new()
                    }
                );
            }
            if s.io_errors > 0 {
                ExitCode::from(2)
            } else if s.failed > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
