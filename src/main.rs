//! `mermaid-render`: render every Mermaid diagram found in the inputs.
//!
//! Exit codes: 0 all diagrams rendered; 1 some diagram failed; 2 usage or
//! I/O error.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    if argv.first().map(String::as_str) == Some("mdbook") {
        return cli::mdbook::main(&argv[1..]);
    }
    let args = match cli::args::Args::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli::batch::run(&args) {
        Ok(s) if args.check => {
            if s.stale > 0 {
                eprintln!(
                    "{} output{} out of date, {} up to date",
                    s.stale,
                    if s.stale == 1 { "" } else { "s" },
                    s.up_to_date
                );
                ExitCode::from(1)
            } else {
                if !args.quiet {
                    eprintln!("{} outputs up to date", s.up_to_date);
                }
                ExitCode::SUCCESS
            }
        }
        Ok(s) => {
            if !args.quiet || s.failed > 0 {
                eprintln!(
                    "{} document{}, {} diagram{} rendered, {} failed{}",
                    s.documents,
                    if s.documents == 1 { "" } else { "s" },
                    s.rendered,
                    if s.rendered == 1 { "" } else { "s" },
                    s.failed,
                    if s.up_to_date > 0 {
                        format!(", {} up to date", s.up_to_date)
                    } else {
                        String::new()
                    } + &if s.without_diagrams > 0 {
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
