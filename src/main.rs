fn main() -> std::process::ExitCode {
    caption_provenance::cli::main()
}
