//! The command line's exit codes, named in one place.

/// Success; for `check`: no open conflict (none found, or every one marked
/// "not an error" with no value shown since that the verdict did not judge).
pub const SUCCESS: u8 = 0;
/// `check` found at least one open conflict: unreviewed, confirmed, unsure,
/// or a "not an error" verdict that needs review (the values changed since).
pub const CONFLICTS: u8 = 1;
/// Something went wrong: a missing folder, a file that could not be written,
/// a bad option. The message says what.
pub const ERROR: u8 = 2;
/// `check`: nothing could be checked: the folder holds no caption, or no
/// file in it could be read. A script must not take this for "clean".
pub const NOTHING_CHECKED: u8 = 3;
