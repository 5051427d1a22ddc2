//! When two clock times can be one instant.

use super::{ClockTime, Tables, Zone};

/// Whether two times can be one instant.
pub(crate) fn agree(a: &ClockTime, b: &ClockTime, t: &Tables) -> bool {
    let utc = |c: &ClockTime| match c.zone {
        Zone::Offset(o) => c.minutes as i32 - o,
        _ => c.minutes as i32,
    };
    let both_known = matches!(
        (a.zone, b.zone),
        (Zone::Offset(_), Zone::Offset(_)) | (Zone::Local, Zone::Local)
    );
    let (x, y) = if both_known && a.zone != Zone::Local {
        (utc(a), utc(b))
    } else {
        (a.minutes as i32, b.minutes as i32)
    };
    let d = (x - y).rem_euclid(1440) as u32;
    let mut apart = vec![d];
    if a.half_day || b.half_day {
        apart.push((d + 720) % 1440);
    }
    apart.into_iter().any(|d| {
        let d = d.min(1440 - d);
        if both_known {
            d <= t.tolerance
        } else {
            let r = d % t.zone_step;
            r <= t.tolerance || t.zone_step - r <= t.tolerance
        }
    })
}

/// "18:08", "18:11 (UTC−4)", "04:17 local time".
pub(super) fn clock(c: &ClockTime) -> String {
    let hm = format!("{:02}:{:02}", c.minutes / 60, c.minutes % 60);
    match c.zone {
        Zone::Unknown => hm,
        Zone::Local => format!("{hm} local time"),
        Zone::Offset(0) => format!("{hm} UTC"),
        Zone::Offset(o) => {
            let sign = if o < 0 { '−' } else { '+' };
            let (h, m) = (o.abs() / 60, o.abs() % 60);
            if m == 0 {
                format!("{hm} (UTC{sign}{h})")
            } else {
                format!("{hm} (UTC{sign}{h}:{m:02})")
            }
        }
    }
}
