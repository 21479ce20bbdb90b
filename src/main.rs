//! Entry point of the native binary `province-targets`; the command line itself is `cli`. The binary has no
//! meaning in WebAssembly, where the crate is only the widget's library, so there it is empty.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
