// buildbench fixture: the Tauri shell. On launch it starts the sidecar declared in
// `bundle.externalBin` and waits for its /health before it reports ready. The `tauri-link` scenario
// appends to this file before each incremental sample, so keep it the crate root.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod sidecar;

use std::time::Duration;
use tauri::Manager;
use tauri_plugin_shell::process::CommandChild;

/// The sidecar's process, killed when the app exits (a leaked sidecar would hold its port).
struct Sidecar(std::sync::Mutex<Option<CommandChild>>);

fn main() {
    // TAURI_APP_EXIT_WHEN_READY=1: exit 0 once the sidecar answers, 1 if it never does; lets a smoke test
    // time launch → ready under xvfb-run without a person closing the window.
    let exit_when_ready = std::env::var("TAURI_APP_EXIT_WHEN_READY").is_ok_and(|v| v == "1");
    // TAURI_APP_SIDECAR_PORT=N: start the sidecar on port N, so a smoke test can poll the sidecar's /health
    // itself (the app's own process is then ready when the real sidecar it started answers).
    let fixed_port = std::env::var("TAURI_APP_SIDECAR_PORT").ok().and_then(|v| v.parse::<u16>().ok());
    tauri::Builder::default()
        .plugin(tauri_plugin_shell::init())
        .setup(move |app| {
            let port = match fixed_port {
                Some(port) => port,
                None => sidecar::free_port()?,
            };
            let child = sidecar::spawn(app.handle(), port)?;
            app.manage(Sidecar(std::sync::Mutex::new(Some(child))));
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                let ok = sidecar::wait_healthy(port, Duration::from_secs(60));
                println!("sidecar on port {port}: {}", if ok { "healthy" } else { "not healthy after 60 s" });
                if exit_when_ready {
                    handle.exit(if ok { 0 } else { 1 });
                }
            });
            Ok(())
        })
        .build(tauri::generate_context!())
        .expect("error while building the tauri application")
        .run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                if let Some(child) = app.state::<Sidecar>().0.lock().ok().and_then(|mut c| c.take()) {
                    let _ = child.kill();
                }
            }
        });
}
