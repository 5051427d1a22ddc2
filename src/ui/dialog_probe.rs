//! Whether rfd can show a dialog on this Linux or BSD desktop, asked before
//! it is tried: rfd asks the desktop portal (`org.freedesktop.portal.Desktop`
//! on the session bus) and, failing that, runs zenity. With neither, it
//! answers at once as if the user had cancelled.
//!
//! The portal is looked for on the bus as a running owner or an activatable
//! name, within [`BUS_TIMEOUT`]: a bus that does not answer must not keep the
//! window waiting (this runs on a job thread, and the thread asking the bus
//! is left behind if it hangs).

use std::ffi::OsStr;
use std::path::Path;
use std::sync::mpsc::channel;
use std::time::Duration;

/// The desktop portal's name on the session bus.
const PORTAL: &str = "org.freedesktop.portal.Desktop";

/// How long the session bus has to answer.
pub const BUS_TIMEOUT: Duration = Duration::from_secs(2);

/// Why no dialog can be shown, or None when rfd has something to show one with.
pub fn why_unavailable() -> Option<String> {
    if on_path("zenity", std::env::var_os("PATH").as_deref()) {
        return None;
    }
    let runtime_bus = std::env::var_os("XDG_RUNTIME_DIR").map(|dir| Path::new(&dir).join("bus"));
    if !session_bus_known(
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").as_deref(),
        runtime_bus.as_deref(),
    ) {
        return Some("there is no D-Bus session bus, and zenity is not installed".into());
    }
    match portal_on_bus(BUS_TIMEOUT) {
        Ok(true) => None,
        Ok(false) => Some(
            "no desktop portal (xdg-desktop-portal) is on the session bus, \
             and zenity is not installed"
                .into(),
        ),
        Err(reason) => Some(format!(
            "the session bus could not be asked for the desktop portal ({reason}), \
             and zenity is not installed"
        )),
    }
}

/// Whether `program` is an executable file in one of the folders of `path`
/// (the value of `PATH`).
pub fn on_path(program: &str, path: Option<&OsStr>) -> bool {
    let Some(path) = path else {
        return false;
    };
    std::env::split_paths(path).any(|dir| is_executable(&dir.join(program)))
}

#[cfg(unix)]
fn is_executable(file: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(file).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(file: &Path) -> bool {
    file.is_file()
}

/// Whether a session bus is named: an address in `DBUS_SESSION_BUS_ADDRESS`,
/// or the socket `$XDG_RUNTIME_DIR/bus` (where a bus is found without one).
pub fn session_bus_known(address: Option<&OsStr>, runtime_bus: Option<&Path>) -> bool {
    address.is_some_and(|a| !a.is_empty()) || runtime_bus.is_some_and(Path::exists)
}

/// Whether the portal owns its name on the session bus or can be started
/// there, asked on a thread of its own and waited for at most `timeout`.
fn portal_on_bus(timeout: Duration) -> Result<bool, String> {
    let (sender, answer) = channel();
    std::thread::Builder::new()
        .name("portal-probe".into())
        .spawn(move || {
            let _ = sender.send(pollster::block_on(ask_bus_for_portal()));
        })
        .map_err(|e| e.to_string())?;
    answer
        .recv_timeout(timeout)
        .map_err(|_| format!("no answer within {} s", timeout.as_secs()))?
}

async fn ask_bus_for_portal() -> Result<bool, String> {
    let connection = zbus::Connection::session()
        .await
        .map_err(|e| e.to_string())?;
    let bus = zbus::fdo::DBusProxy::new(&connection)
        .await
        .map_err(|e| e.to_string())?;
    let name = zbus::names::BusName::try_from(PORTAL).map_err(|e| e.to_string())?;
    if bus.name_has_owner(name).await.map_err(|e| e.to_string())? {
        return Ok(true);
    }
    let activatable = bus
        .list_activatable_names()
        .await
        .map_err(|e| e.to_string())?;
    Ok(activatable.iter().any(|n| n.as_str() == PORTAL))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zenity_counts_only_as_an_executable_file_on_path() -> Result<(), Box<dyn std::error::Error>>
    {
        let empty = tempfile::tempdir()?;
        let with = tempfile::tempdir()?;
        let zenity = with.path().join("zenity");
        std::fs::write(&zenity, "#!/bin/sh\n")?;
        let path = std::env::join_paths([empty.path(), with.path()])?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // Not executable: rfd could not run it.
            std::fs::set_permissions(&zenity, std::fs::Permissions::from_mode(0o644))?;
            assert!(!on_path("zenity", Some(&path)));
            std::fs::set_permissions(&zenity, std::fs::Permissions::from_mode(0o755))?;
        }
        assert!(on_path("zenity", Some(&path)));
        assert!(!on_path("zenity", Some(empty.path().as_os_str())));
        assert!(!on_path("zenity", None));
        // A folder named zenity is not the program.
        std::fs::create_dir(empty.path().join("zenity"))?;
        assert!(!on_path("zenity", Some(empty.path().as_os_str())));
        Ok(())
    }

    #[test]
    fn a_session_bus_is_an_address_or_the_runtime_socket() -> Result<(), Box<dyn std::error::Error>>
    {
        let runtime = tempfile::tempdir()?;
        let socket = runtime.path().join("bus");
        assert!(!session_bus_known(None, None));
        assert!(!session_bus_known(Some(OsStr::new("")), Some(&socket)));
        assert!(session_bus_known(
            Some(OsStr::new("unix:path=/run/user/1000/bus")),
            None
        ));
        std::fs::write(&socket, "")?;
        assert!(session_bus_known(None, Some(&socket)));
        Ok(())
    }
}
